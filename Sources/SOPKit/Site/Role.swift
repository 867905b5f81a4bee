/// A role the toolkit serves (leaders, supervisors, line staff), from `site.yaml`.
public struct Role: Sendable, Hashable {
  public var id: String
  public var name: String
  public var description: String
  /// The name and description in other languages, by language id.
  public var translations: [String: TranslatedText] = [:]

  /// This role or topic as readers of `language` see it: translated where site.yaml says how.
  public func localized(_ language: String) -> Self {
    guard let text = translations[language] else { return self }
    var copy = self
    copy.name = text.name
    copy.description = text.description ?? description
    return copy
  }
}
