/// An about page (About SOP, How to use this toolkit), read in `order`.
public struct AboutPage: Sendable, Equatable {
  public var slug: String
  public var title: String
  public var order: Int
  public var summary: String?
  public var body: RenderedMarkdown
  public var route: Route { .page(slug) }
}
