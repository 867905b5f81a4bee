/// A regional training academy with the counties it serves and its contacts, from `contacts.yaml`.
public struct Region: Sendable, Equatable {
  public var id: String
  public var name: String
  public var counties: [String]
  public var contacts: [Contact]
  /// Added by a county's overlay.
  public var isLocal = false
}
