/// Reduces a folded word to the stem the index stores, chosen by the site's language.
protocol Stemmer: Sendable {
  func stem(_ word: String) -> String
}
