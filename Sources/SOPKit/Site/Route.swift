/// Every kind of file the build writes, and its path in the output: the single source of URLs.
public enum Route: Sendable, Hashable {
  case home
  case guideIndex
  case guide(String)
  case role(String)
  case topic(String)
  case tag(String)
  case storyIndex
  case story(String)
  case feed
  case contacts
  case search
  case share
  case category(String)
  case categoryFeed(String)
  case page(String)
  case notFound
  case sitemap

  /// The site-relative output path, such as `guides/three-houses.html`.
  public var path: String {
    switch self {
    case .home: "index.html"
    case .guideIndex: "guides/index.html"
    case .guide(let slug): "guides/\(slug).html"
    case .role(let id): "roles/\(id).html"
    case .topic(let id): "topics/\(id).html"
    case .tag(let slug): "tags/\(slug).html"
    case .storyIndex: "stories/index.html"
    case .story(let slug): "stories/\(slug).html"
    case .feed: "stories/feed.xml"
    case .contacts: "contacts.html"
    case .search: "search.html"
    case .share: "share.html"
    case .category(let id): "categories/\(id).html"
    case .categoryFeed(let id): "categories/\(id).xml"
    case .page(let slug): "\(slug).html"
    case .notFound: "404.html"
    case .sitemap: "sitemap.xml"
    }
  }
}

extension Route {
  /// The route of a Markdown file's page.
  init(_ entry: ContentScanner.MarkdownEntry) {
    switch entry.kind {
    case .guide: self = .guide(entry.slug)
    case .story: self = .story(entry.slug)
    case .page: self = .page(entry.slug)
    }
  }

  /// The output path of this route in a language's folder: `prefix` is `es/` for Spanish, empty for the default.
  func path(in prefix: String) -> String { prefix + path }

  /// Where a Markdown file's page is written: a translation in its language's folder.
  static func outputPath(of entry: ContentScanner.MarkdownEntry) -> String {
    Route(entry).path(in: entry.language.map { $0 + "/" } ?? "")
  }
}
