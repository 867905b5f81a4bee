/// An about page (About SOP, How to use this toolkit), read in `order`.
public struct AboutPage: Sendable {
  public var slug: String
  public var title: String
  public var order: Int
  public var summary: String?
  public var body: RenderedMarkdown
  /// From a county's overlay: marked as local on the page and in search results.
  public var isLocal = false
  public var route: Route { .page(slug) }
}
