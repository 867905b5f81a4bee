/// A quick guide, with its cross-references resolved.
public struct Guide: Sendable, Equatable {
  public var slug: String
  public var title: String
  public var summary: String
  public var roles: [Role]
  public var topics: [Topic]
  public var tags: [Tag]
  public var updated: SimpleDate?
  public var attachments: [Attachment]
  public var body: RenderedMarkdown
  /// From a county's overlay: marked as local on the page and in search results.
  public var isLocal = false
  /// Positions in `Site.guides` of the guides sharing the most topics with this one.
  public var related: [Int]
  /// Nil when the text is in its edition's language; the original's language when an edition lists an
  /// untranslated original.
  public var fallbackLanguage: String? = nil
  /// "es/" for a translation, "" for a page of the default language.
  public var pathPrefix = ""
  public var route: Route { .guide(slug) }
  /// The output path, such as `es/guides/three-houses.html`.
  public var path: String { route.path(in: pathPrefix) }
}

extension Array where Element == Guide {
  /// A to Z by title (then slug), each title lowercased once rather than in every comparison.
  func sortedAToZ() -> [Guide] {
    map { ($0.title.lowercased(), $0) }.sorted { ($0.0, $0.1.slug) < ($1.0, $1.1.slug) }.map(\.1)
  }
}
