/// The site-wide settings from `site.yaml`.
public struct SiteSettings: Sendable, Equatable {
  public var title: String
  public var description: String
  public var language: String
  /// The public address with a trailing `/`, used only for absolute links in the feed and sitemap.
  public var url: String?
  public var submitURL: String?
  /// Lets raw HTML in Markdown through; only for sites whose every editor is trusted.
  public var allowRawHTML: Bool
  public var roles: [Role]
  public var topics: [Topic]
  /// The languages besides `language` (`languages:`), in the order site.yaml lists them.
  public var languages: [SiteLanguage] = []
  /// The default language's own name, when `languages:` lists it too.
  public var languageName: String?
  /// The content's version as the editors number it (`2024.3`), shown in bundles; optional.
  public var version: String? = nil
  /// What a county's overlay says about its copy; nil without an overlay.
  public var local: LocalSettings? = nil
  /// The share page's addresses and the limits on what it sends (`share_*`).
  public var share = ShareSettings()
  /// The kinds of story (`categories:`); empty when site.yaml lists none, and categories stay free text.
  public var categories: [StoryCategory] = []
}
