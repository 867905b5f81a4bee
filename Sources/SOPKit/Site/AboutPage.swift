/// An about page (About SOP, How to use this toolkit), read in `order`.
public struct AboutPage: Sendable, Equatable {
  public var slug: String
  public var title: String
  public var order: Int
  public var summary: String?
  public var body: RenderedMarkdown
  /// Nil when the text is in its edition's language; the original's language when an edition lists an
  /// untranslated original.
  public var fallbackLanguage: String? = nil
  /// "es/" for a translation, "" for a page of the default language.
  public var pathPrefix = ""
  /// From a county's overlay: marked as local on the page and in search results.
  public var isLocal = false
  public var route: Route { .page(slug) }
  /// The output path, such as `es/guides/three-houses.html`.
  public var path: String { route.path(in: pathPrefix) }
}
