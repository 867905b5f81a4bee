/// Which kind of page a context is for: it names the page's body template, the `page-…` class of its `<body>`
/// and the flag layouts test (`{{#is_guide}}`).
enum PageKind: String, Sendable {
  case home
  case guideIndex = "guide-index"
  case storyIndex = "story-index"
  case contacts
  case search
  case share
  case category
  case notFound = "404"
  case guide
  case story
  case page
  case role
  case topic
  case tag
  /// The page `sopkit serve` shows while a build fails.
  case serveError = "serve-error"

  /// The template under Templates/ that renders the page's body.
  var template: String { rawValue }

  /// The context key that is true on this kind of page only.
  var flag: String {
    switch self {
    case .home: "is_home"
    case .guideIndex: "is_guide_index"
    case .storyIndex: "is_story_index"
    case .contacts: "is_contacts"
    case .search: "is_search"
    case .share: "is_share"
    case .category: "is_category"
    case .notFound: "is_404"
    case .guide: "is_guide"
    case .story: "is_story"
    case .page: "is_page"
    case .role: "is_role"
    case .topic: "is_topic"
    case .tag: "is_tag"
    case .serveError: "is_serve_error"
    }
  }
}
