/// A role's or topic's name and description in another language (`translations:` in site.yaml).
public struct TranslatedText: Sendable, Hashable {
  public var name: String
  public var description: String?
}
