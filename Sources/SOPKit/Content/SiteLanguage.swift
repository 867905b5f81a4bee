/// One language of the site: the default one (served at the root) or a translation (served under `<id>/`).
public struct SiteLanguage: Sendable, Hashable {
  public var id: String
  /// The language's name in itself ("Español"), as the language switcher shows it.
  public var name: String
  /// The site's title and description in this language, when site.yaml gives them.
  public var title: String?
  public var description: String?
  /// Where this language's pages are written: "" for the default language, "es/" for Spanish.
  public var pathPrefix: String
}
