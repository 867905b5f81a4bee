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
    case .page(let slug): "\(slug).html"
    case .notFound: "404.html"
    case .sitemap: "sitemap.xml"
    }
  }
}
