/// The words a misspelt query word may be corrected to, grouped by their first letter (the browser loads the groups
/// of a query word's first two letters), each group most common first, so the browser's first close word is the
/// likeliest.
struct CorrectionWords {
  /// Words outside these lengths are never offered: shorter ones are never corrected, longer ones are rarely typed.
  static let lengths = 3...24

  /// By first letter, in JavaScript's string order.
  let groups: [(letter: String, words: [String])]

  /// The words of `words` made only of letters, within `lengths`, ordered by how many documents hold their term.
  init(_ words: [(word: String, term: Int)], documentCounts: [Int]) {
    // A folded word can come from several spellings ("niño", "nino") with different terms: it counts as its most
    // common one, whatever order the words come in.
    var documentsByWord: [String: Int] = [:]
    for (word, term) in words where Self.lengths.contains(word.unicodeScalars.count) {
      guard word.unicodeScalars.allSatisfy(\.properties.isAlphabetic) else { continue }
      let documents = term < documentCounts.count ? documentCounts[term] : 0
      if documents > 0 { documentsByWord[word] = max(documentsByWord[word] ?? 0, documents) }
    }
    var byLetter: [String: [(word: String, documents: Int)]] = [:]
    for (word, documents) in documentsByWord {
      byLetter[String(word.unicodeScalars.first!), default: []].append((word, documents))
    }
    groups = byLetter.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { letter in
      let words = byLetter[letter]!.sorted {
        $0.documents != $1.documents
          ? $0.documents > $1.documents : $0.word.utf16.lexicographicallyPrecedes($1.word.utf16)
      }
      return (letter, words.map(\.word))
    }
  }
}
