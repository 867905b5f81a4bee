/// A practice topic guides are grouped by (Three Houses, Safety Mapping, ...), from `site.yaml`.
public struct Topic: Sendable, Hashable {
  public var id: String
  public var name: String
  public var description: String
}
