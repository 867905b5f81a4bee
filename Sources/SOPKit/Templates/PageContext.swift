/// Builds the Mustache context of one page: the values every layout needs plus the page kind's own.
///
/// This is the one place where the site model becomes template values; every href is relative to the page.
struct PageContext {
  let site: Site
  let strings: TemplateStrings
  let route: Route
  let root: String
  /// Every language's words, for the language switcher's notes in the language they lead to.
  let stringsByLanguage: [String: TemplateStrings]
  /// This edition's guide list values and cards, shared by all its pages.
  let items: GuideItems?

  init(
    site: Site, strings: TemplateStrings, route: Route, stringsByLanguage: [String: TemplateStrings] = [:],
    items: GuideItems? = nil
  ) {
    self.site = site
    self.strings = strings
    self.route = route
    self.root = RelativeLink.root(from: site.path(of: route))
    self.stringsByLanguage = stringsByLanguage
    self.items = items
  }

  /// A page of this page's language.
  func href(_ target: Route) -> String { href(path: site.path(of: target)) }

  /// The href of a page of the site by its output path: from the root on a default-language page, as on every
  /// site with one language; the shortest relative path on a translated page.
  func href(path: String) -> String {
    site.language.pathPrefix.isEmpty ? root + path : RelativeLink.href(from: site.path(of: route), to: path)
  }
  /// What every `href(path:)` of this page depends on besides the target: its depth on a default-language page,
  /// its folder on a translated one.
  var hrefBase: String {
    site.language.pathPrefix.isEmpty ? root : RelativeLink.directory(of: site.path(of: route)) + "/"
  }
  func href(file path: String) -> String { root + RelativeLink.encode(path) }

  /// The values of the layout: language, titles, navigation and links to the site's main pages.
  func base(title: String, description: String, kind: PageKind) -> [String: Any] {
    let settings = site.settings
    var context: [String: Any] = [
      "lang": settings.language,
      "t": strings.words,
      "root": root,
      "description": description.isEmpty ? settings.description : description,
      "kind": kind.rawValue,
      kind.flag: true,
      "site": [
        "title": settings.title, "description": settings.description,
      ].merging(settings.submitURL.map { ["submit_url": $0] } ?? [:]) { $1 },
      "links": [
        "home": href(.home), "guides": href(.guideIndex), "stories": href(.storyIndex),
        "contacts": href(.contacts), "search": href(.search), "share": href(.share), "feed": root + Route.feed.path,
        "css": root + "css/site.css",
      ],
      "roles": site.settings.roles.map { role in
        [
          "id": role.id, "name": role.name, "description": role.description, "href": href(.role(role.id)),
          "current": route == .role(role.id), "for_name": strings.word("for_role", ["name": role.name]),
          "guides_for_name": strings.word("guides_for_role", ["name": role.name]),
        ] as [String: Any]
      },
      "pages": site.pages.map { page in
        language(of: page.fallbackLanguage).merging(
          ["title": page.title, "href": href(path: page.path), "current": route == page.route]) { $1 }
      },
      "current": [
        "home": route == .home, "guides": route == .guideIndex, "stories": route == .storyIndex,
        "contacts": route == .contacts, "search": route == .search, "share": route == .share,
      ],
    ]
    // Left out when empty: Mustache counts an empty string as present, so `{{#title}}` would still show.
    if !title.isEmpty { context["title"] = title }
    if let url = settings.url, route != .notFound { context["canonical"] = url + site.path(of: route) }
    if site.languages.count > 1 { addLanguages(to: &context) }
    if let local = settings.local { addLocal(local, to: &context) }
    if let stamp = site.stamp {
      var values: [String: Any] = ["fingerprint": stamp.fingerprint]
      if let day = stamp.date { values["date"] = date(day) }
      if let version = stamp.version {
        values["version"] = version
        values["version_label"] = strings.word("copy_content_version", ["version": version])
      }
      context["build"] = values
    }
    return context
  }

  /// The values of `base` that are the same on every page of this edition in this page's folder: `root`, and
  /// `t.*`, `links.*` and `site.*` by their dotted names, to be written into the templates (`FoldedValues`).
  func foldableValues() -> [String: String] {
    // Any kind will do: it does not reach t, links or site.
    let context = base(title: "", description: "", kind: .page)
    var values = ["root": root]
    for group in ["t", "links", "site"] {
      for (key, value) in context[group] as? [String: String] ?? [:] { values["\(group).\(key)"] = value }
    }
    return values
  }

  /// A county's copy: its name, logo and notice under the header, and the words that mark its local pages
  /// (`local` is left out when the overlay says nothing about the copy).
  private func addLocal(_ local: LocalSettings, to context: inout [String: Any]) {
    var values: [String: Any] = [:]
    if let county = local.county {
      values["county"] = county
      values["heading"] = strings.word("local_copy_of", ["county": county])
      values["page_badge"] = strings.word("local_page_of", ["county": county])
      values["result_label"] = strings.word("local_result_of", ["county": county])
    }
    if let notice = local.notice { values["notice"] = notice }
    if let logo = local.logo { values["logo"] = href(file: logo) }
    if !values.isEmpty { context["local"] = values }
  }

  /// `lang` and `hreflang` for an item written in another language than the page (nothing when it is not).
  func language(of fallback: String?) -> [String: Any] {
    guard let fallback else { return [:] }
    return ["fallback": ["lang": fallback, "note": strings.word("untranslated")]]
  }

  /// The page in every language: `alternates` (for `<link rel="alternate" hreflang>`) where it exists, and a
  /// `languages` switcher whose entry for a language without this page leads to that language's home, saying so.
  private func addLanguages(to context: inout [String: Any]) {
    var alternates: [[String: Any]] = []
    var switcher: [[String: Any]] = []
    for language in site.languages {
      let exists = site.routesByLanguage[language.id]?.contains(route) ?? false
      let path = language.pathPrefix + (exists ? route : .home).path
      let words = stringsByLanguage[language.id] ?? strings
      let name = language.id == site.languages.first?.id ? (words.languageName ?? language.name) : language.name
      if exists && route != .notFound {
        alternates.append(["lang": language.id, "href": site.settings.url.map { $0 + path } ?? href(path: path)])
      }
      // Every key is set, so a missing one is never looked up in the page's own context.
      var entry: [String: Any] = [
        "lang": language.id, "name": name, "href": href(path: path), "current": language.id == site.language.id,
        "note": false,
      ]
      if language.id != site.language.id && !exists { entry["note"] = words.word("switcher_untranslated") }
      switcher.append(entry)
    }
    context["alternates"] = alternates
    context["languages"] = switcher
    context["multilingual"] = true
    if !site.language.pathPrefix.isEmpty { context["search_index"] = site.language.pathPrefix }
  }

  func date(_ date: SimpleDate) -> [String: Any] {
    ["text": strings.format(date), "iso": date.description]
  }

  func roles(_ roles: [Role]) -> [[String: Any]] {
    roles.map { ["id": $0.id, "name": $0.name, "href": href(.role($0.id))] }
  }

  func topics(_ topics: [Topic]) -> [[String: Any]] {
    topics.map { ["id": $0.id, "name": $0.name, "href": href(.topic($0.id))] }
  }

  func tags(_ tags: [Tag]) -> [[String: Any]] {
    tags.map { ["name": $0.name, "href": href(.tag($0.slug))] }
  }

  func guideItem(_ guide: Guide) -> [String: Any] {
    guard let items else { return makeGuideItem(guide) }
    return items.item(key: hrefBase + "\u{0}" + guide.path) {
      makeGuideItem(guide)
    }
  }

  private func makeGuideItem(_ guide: Guide) -> [String: Any] {
    let href = href(path: guide.path)
    var item: [String: Any] = [
      "title": guide.title, "summary": guide.summary, "href": href,
      "roles": roles(guide.roles), "topics": topics(guide.topics), "is_local": guide.isLocal,
    ]
    item.merge(language(of: guide.fallbackLanguage)) { $1 }
    if let updated = guide.updated { item["updated"] = date(updated) }
    let partials = items?.partials(key: root + "\u{0}" + href) {
      item.merging(["t": strings.words, "lang": site.settings.language, "root": root]) { item, _ in item }
    }
    item.merge(partials ?? [:]) { $1 }
    return item
  }

  func storyItem(_ story: Story) -> [String: Any] {
    var item: [String: Any] = [
      "title": story.title, "summary": story.summary, "href": href(path: story.path), "date": date(story.date),
      "is_local": story.isLocal,
    ]
    item.merge(language(of: story.fallbackLanguage)) { $1 }
    if let county = story.county {
      item["county"] = county
      item["county_label"] = strings.word("county_name", ["county": county])
    }
    if let category = story.category { item["category"] = category }
    return item
  }

  /// The table of contents: second- and third-level headings, with `sub` marking the third level.
  func tableOfContents(_ body: RenderedMarkdown) -> [[String: Any]] {
    let top = body.headings.map(\.level).min() ?? 2
    return body.headings.filter { $0.level <= top + 1 }.map { heading in
      ["text": heading.text, "href": "#\(heading.id)", "sub": heading.level > top] as [String: Any]
    }
  }

  /// A list under a `has_` flag, so templates can leave out a whole section when it is empty.
  static func list(_ key: String, _ items: [[String: Any]], into context: inout [String: Any]) {
    context[key] = items
    context["has_\(key)"] = !items.isEmpty
  }
}
