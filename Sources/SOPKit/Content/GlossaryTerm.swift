/// A term of `Content/glossary.yaml`: what readers call it, its acronyms and other words for it, and what it means.
public struct GlossaryTerm: Sendable, Hashable {
  /// The term in another language (`translations:`): words the language's readers use, and the definition.
  public struct Translation: Sendable, Hashable {
    public var term: String
    /// Nil where the translation keeps the original's acronyms.
    public var acronyms: [String]?
    public var synonyms: [String]
    public var definition: String?
  }

  public var id: String
  public var term: String
  public var acronyms: [String]
  public var synonyms: [String]
  /// Markdown, one paragraph.
  public var definition: String
  /// By language id.
  public var translations: [String: Translation] = [:]

  /// This term as readers of `language` see it: translated where the glossary says how.
  public func localized(_ language: String) -> GlossaryTerm {
    guard let translation = translations[language] else { return self }
    var copy = self
    copy.term = translation.term
    copy.acronyms = translation.acronyms ?? acronyms
    copy.synonyms = translation.synonyms
    copy.definition = translation.definition ?? definition
    return copy
  }

  /// Every way of naming the term: the term, its acronyms and its synonyms.
  public var names: [String] { [term] + acronyms + synonyms }
}
