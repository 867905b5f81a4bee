/// Reduces a folded word to the stem the index stores, chosen by the site's language.
protocol Stemmer: Sendable {
  func stem(_ word: String) -> String
  /// Whether the stemmer reads words lowercased but with their accents (folding then follows the stem).
  var wantsAccents: Bool { get }
}

extension Stemmer {
  var wantsAccents: Bool { false }
}
