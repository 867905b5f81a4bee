/// A story from the field, with its region resolved.
public struct Story: Sendable, Equatable {
  /// A story's picture: the content path of the file and its description.
  public struct Image: Sendable, Equatable {
    public var path: String
    public var alt: String
  }

  public var slug: String
  public var title: String
  public var date: SimpleDate
  public var summary: String
  public var county: String?
  public var region: Region?
  public var category: String?
  /// The id of the site.yaml category `category` names, when site.yaml lists categories and it names one.
  public var categoryID: String? = nil
  public var tags: [Tag]
  public var roles: [Role]
  public var image: Image?
  public var body: RenderedMarkdown
  /// Nil when the text is in its edition's language; the original's language when an edition lists an
  /// untranslated original.
  public var fallbackLanguage: String? = nil
  /// "es/" for a translation, "" for a page of the default language.
  public var pathPrefix = ""
  /// From a county's overlay: marked as local on the page and in search results.
  public var isLocal = false
  public var route: Route { .story(slug) }
  /// The output path, such as `es/guides/three-houses.html`.
  public var path: String { route.path(in: pathPrefix) }
}
