/// Picks the stemmer for a site language; the JavaScript side loads `js/search-stemmer-<name>.js` by the same name.
enum StemmerChoice {
  /// The stemmer's name and the stemmer, or nil when the language has none yet (words are then only folded).
  static func forLanguage(_ language: String) -> (name: String, stemmer: any Stemmer)? {
    let base = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
    switch base {
    case "en": return ("en", EnglishStemmer())
    case "es": return ("es", SpanishStemmer())
    default: return nil
    }
  }
}
