/// What one document contributes to the index: each term's count per field and first positions, and field lengths.
struct DocumentTerms: Sendable {
  /// One term's occurrences in one document.
  struct Hits: Sendable {
    var counts: [Int]
    var positions: [Int]

    /// Counts one occurrence in `field` at `position`, updated in place in the dictionary.
    mutating func record(_ field: Int, at position: Int) {
      counts[field] += 1
      if positions.count < DocumentTerms.maxPositions { positions.append(position) }
    }
  }

  /// Positions kept per term and document: enough for phrase and proximity boosts, bounded in size.
  static let maxPositions = 48
  /// Positions skipped between fields and sections, so a phrase never spans two of them.
  static let gap = 8

  var lengths: [Int]
  var hits: [String: Hits]

  /// `keywordTokenizer` reads the keywords when they are in another language than the text: the edition's topic
  /// and role names on an untranslated original.
  init(_ document: SearchDocument, tokenizer: Tokenizer, keywordTokenizer: Tokenizer? = nil) {
    lengths = Array(repeating: 0, count: SearchDocument.Field.allCases.count)
    hits = [:]
    var position = 0
    func add(_ text: String, _ field: SearchDocument.Field, tokenizer: Tokenizer = tokenizer) {
      let indexesUnaccented = tokenizer.stemmer?.wantsAccents == true
      let terms = tokenizer.terms(text)
      lengths[field.rawValue] += terms.count
      let fieldCount = lengths.count
      // A word whose stem changes without its accents is indexed under both stems, at the same position.
      let unaccented = indexesUnaccented ? tokenizer.unaccentedTerms(text) : []
      for (offset, term) in terms.enumerated() {
        hits[term, default: Hits(counts: Array(repeating: 0, count: fieldCount), positions: [])]
          .record(field.rawValue, at: position)
        if offset < unaccented.count, unaccented[offset] != term {
          hits[unaccented[offset], default: Hits(counts: Array(repeating: 0, count: fieldCount), positions: [])]
            .record(field.rawValue, at: position)
        }
        position += 1
      }
      position += Self.gap
    }
    add(document.title, .title)
    add(document.summary, .summary)
    for keyword in document.keywords { add(keyword, .keywords, tokenizer: keywordTokenizer ?? tokenizer) }
    for section in document.sections {
      add(section.heading, .headings)
      add(section.text, .body)
    }
  }
}
