/// A practice topic guides are grouped by (Three Houses, Safety Mapping, ...), from `site.yaml`.
public struct Topic: Sendable, Hashable, Translatable {
  public var id: String
  public var name: String
  public var description: String
  /// The name and description in other languages, by language id.
  public var translations: [String: TranslatedText] = [:]
}
