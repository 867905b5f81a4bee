/// `stories/feed.xml`: the stories from the field as an Atom feed (RFC 4287), newest first.
///
/// With `url` in site.yaml every link and id is absolute; without it links stay relative to the feed
/// and ids are stable `urn:uuid:` values derived from the site title and the story's slug.
struct AtomFeed {
  let site: Site
  let strings: TemplateStrings
  /// With a category, `categories/<id>.xml`: only that category's stories.
  var category: StoryCategory? = nil

  private var feedPath: String { (category.map { Route.categoryFeed($0.id) } ?? .feed).path }
  private func included(_ story: Story) -> Bool { category.map { story.categoryID == $0.id } ?? true }

  func xml() -> String {
    let settings = site.settings
    let base = settings.url
    let feedPath = feedPath
    let feedID = base.map { $0 + feedPath } ?? Self.uuid(for: settings.title + "/" + feedPath)
    let stories = site.stories.filter(included)
    let updated = stories.map(\.date).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
    let title = category.map { "\(settings.title): \($0.name)" } ?? settings.title
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(settings.language))">
        <title>\(XMLText.escape(title))</title>

      """
    if !settings.description.isEmpty { xml += "  <subtitle>\(XMLText.escape(settings.description))</subtitle>\n" }
    xml += "  <id>\(XMLText.escape(feedID))</id>\n"
    if let base {
      xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + feedPath))\"/>\n"
    }
    let page = (category.map { Route.category($0.id) } ?? .storyIndex).path
    xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(link(to: page)))\"/>\n"
    xml += "  <updated>\(updated)</updated>\n"
    xml += "  <author><name>\(XMLText.escape(settings.title))</name></author>\n"
    for story in stories { xml += entry(story) }
    // Translated stories follow, each marked with its language.
    let translated = site.editions.flatMap { edition in
      edition.stories.filter { $0.fallbackLanguage == nil && included($0) }.map { ($0, edition.language.id) }
    }
    for (story, language) in translated.sorted(by: { $0.0.date > $1.0.date }) {
      xml += entry(story, language: language)
    }
    xml += "</feed>\n"
    return xml
  }

  private func entry(_ story: Story, language: String? = nil) -> String {
    let path = story.path
    let id = site.settings.url.map { $0 + path } ?? Self.uuid(for: site.settings.title + "/" + path)
    var xml = "  <entry\(language.map { " xml:lang=\"\(XMLText.escape($0))\"" } ?? "")>\n"
    xml += "    <title>\(XMLText.escape(story.title))</title>\n"
    xml += "    <id>\(XMLText.escape(id))</id>\n"
    xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(link(to: path)))\"/>\n"
    xml += "    <published>\(Self.timestamp(story.date))</published>\n"
    xml += "    <updated>\(Self.timestamp(story.date))</updated>\n"
    xml += "    <summary>\(XMLText.escape(story.summary))</summary>\n"
    for tag in story.tags {
      xml += "    <category term=\"\(XMLText.escape(tag.slug))\" label=\"\(XMLText.escape(tag.name))\"/>\n"
    }
    let base = site.settings.url.map { " xml:base=\"\(XMLText.escape($0 + path))\"" } ?? ""
    xml += "    <content type=\"html\"\(base)>\(XMLText.escape(story.body.html))</content>\n"
    xml += "  </entry>\n"
    return xml
  }

  /// An absolute address when the site's `url` is known, else a link relative to the feed.
  private func link(to path: String) -> String {
    site.settings.url.map { $0 + RelativeLink.encode(path) } ?? RelativeLink.href(from: feedPath, to: path)
  }

  private static func timestamp(_ date: SimpleDate) -> String { "\(date)T00:00:00Z" }

  /// A stable UUID-shaped id from two 64-bit FNV-1a hashes of `text`.
  static func uuid(for text: String) -> String {
    func fnv(_ seed: UInt64) -> UInt64 {
      text.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
    let hex = String(fnv(0xcbf2_9ce4_8422_2325), radix: 16) + String(fnv(0x8422_2325_cbf2_9ce4), radix: 16)
    let digits = Array(String(repeating: "0", count: max(0, 32 - hex.count)) + hex)
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
    return "urn:uuid:" + groups.joined(separator: "-")
  }
}
