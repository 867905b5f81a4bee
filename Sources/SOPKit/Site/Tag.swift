/// A free word editors tag guides and stories with; pages list them at `tags/<slug>.html`.
public struct Tag: Sendable, Hashable {
  public var slug: String
  public var name: String
}
