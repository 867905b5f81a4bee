/// A role or topic: a name and description that site.yaml may translate (`translations:`).
public protocol Translatable {
  var name: String { get set }
  var description: String { get set }
  var translations: [String: TranslatedText] { get }
}

extension Translatable {
  /// This value as readers of `language` see it: translated where site.yaml says how.
  public func localized(_ language: String) -> Self {
    guard let text = translations[language] else { return self }
    var copy = self
    copy.name = text.name
    copy.description = text.description ?? description
    return copy
  }
}
