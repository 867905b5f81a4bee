/// A role the toolkit serves (leaders, supervisors, line staff), from `site.yaml`.
public struct Role: Sendable, Hashable, Translatable {
  public var id: String
  public var name: String
  public var description: String
  /// The name and description in other languages, by language id.
  public var translations: [String: TranslatedText] = [:]
}
