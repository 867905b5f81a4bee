/// The validated in-memory site: every page and list the renderer needs, cross-references resolved.
public struct Site: Sendable, Equatable {
  public var settings: SiteSettings
  /// A to Z by title.
  public var guides: [Guide]
  /// Newest first.
  public var stories: [Story]
  /// In reading order.
  public var pages: [AboutPage]
  public var regions: [Region]
  /// From `glossary.yaml`, in the default language; `GlossaryTerm.localized` gives an edition's words.
  public var glossary: [GlossaryTerm] = []
  /// A to Z by name.
  public var tags: [Tag]
  /// Content paths of the files pages link to, copied as they are.
  public var files: [String]
  /// This edition's language.
  public var language: SiteLanguage
  /// Every language of the site, the default first: one entry for a one-language site.
  public var languages: [SiteLanguage]
  /// The editions in the other languages (on the default edition only).
  public var editions: [Site] = []
  /// The pages each language has in its own words, by language id: where a language switcher may lead.
  public var routesByLanguage: [String: Set<Route>] = [:]
  /// What links between pages may lead to, for checking the links of a page edited in `sopkit serve`.
  var linkTargets = LinkTargets(paths: [], anchors: [:], unreadable: [])
  /// Those of `files` that are copied from a county's overlay rather than from Content/.
  public var localFiles: Set<String> = []
  /// Which build this is, said on the home page and in the footer; set for bundles.
  public var stamp: BuildStamp? = nil

  public func guides(for role: Role) -> [Guide] { guides.filter { $0.roles.contains { $0.id == role.id } } }
  public func guides(for topic: Topic) -> [Guide] { guides.filter { $0.topics.contains { $0.id == topic.id } } }
  public func stories(for role: Role) -> [Story] { stories.filter { $0.roles.contains { $0.id == role.id } } }
  public func stories(for tag: Tag) -> [Story] { stories.filter { $0.tags.contains(tag) } }
  public func stories(in category: StoryCategory) -> [Story] { stories.filter { $0.categoryID == category.id } }

  /// The default edition and then the others: every edition the build renders.
  public var allEditions: [Site] { [self] + editions }

  /// The output path of `route` in this edition's language.
  public func path(of route: Route) -> String { route.path(in: language.pathPrefix) }

  /// The routes this edition renders in its own language.
  var ownRoutes: Set<Route> {
    var routes: Set<Route> = [.home, .guideIndex, .storyIndex, .contacts, .search, .share, .notFound]
    routes.formUnion(settings.roles.map { .role($0.id) } + settings.topics.map { .topic($0.id) })
    routes.formUnion(tags.map { .tag($0.slug) })
    routes.formUnion(settings.categories.map { .category($0.id) })
    routes.formUnion(guides.filter { $0.fallbackLanguage == nil }.map(\.route))
    routes.formUnion(stories.filter { $0.fallbackLanguage == nil }.map(\.route))
    routes.formUnion(pages.filter { $0.fallbackLanguage == nil }.map(\.route))
    return routes
  }
}
