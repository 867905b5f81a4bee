/// A role the toolkit serves (leaders, supervisors, line staff), from `site.yaml`.
public struct Role: Sendable, Hashable {
  public var id: String
  public var name: String
  public var description: String
}
