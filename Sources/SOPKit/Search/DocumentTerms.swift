/// What one document contributes to the index: each term's count per field and first positions, and field lengths.
struct DocumentTerms: Sendable {
  /// Positions kept per term and document: enough for phrase and proximity boosts, bounded in size.
  static let maxPositions = 48
  /// Positions skipped between fields and sections, so a phrase never spans two of them.
  static let gap = 8

  var lengths: [Int]
  /// The hits of each term, keyed by its number in the tokenizer's `TermTable`, in ascending order.
  var hits = PackedHits()

  /// `keywordTokenizer` reads the keywords when they are in another language than the text: the edition's topic
  /// and role names on an untranslated original.
  init(_ document: SearchDocument, tokenizer: Tokenizer, keywordTokenizer: Tokenizer? = nil) {
    let fieldCount = SearchDocument.Field.allCases.count
    lengths = Array(repeating: 0, count: fieldCount)
    // Each occurrence as one number, term above position above field, so that sorting groups them by term.
    var occurrences: [UInt64] = []
    var words: [Tokenizer.WordTerms] = []
    var position: UInt64 = 0
    func add(_ text: String, _ field: SearchDocument.Field, tokenizer: Tokenizer = tokenizer) {
      words.removeAll(keepingCapacity: true)
      tokenizer.appendWordTerms(of: text, to: &words)
      lengths[field.rawValue] += words.count
      for word in words {
        let place = position << 3 | UInt64(field.rawValue)
        occurrences.append(UInt64(word.term) << 32 | place)
        // A word whose stem changes without its accents is indexed under both stems, at the same position.
        if word.unaccented != word.term { occurrences.append(UInt64(word.unaccented) << 32 | place) }
        position += 1
      }
      position += UInt64(Self.gap)
    }
    add(document.title, .title)
    add(document.summary, .summary)
    for keyword in document.keywords { add(keyword, .keywords, tokenizer: keywordTokenizer ?? tokenizer) }
    for name in document.glossaryTitleNames { add(name, .glossaryTitle, tokenizer: keywordTokenizer ?? tokenizer) }
    for name in document.glossaryNames { add(name, .glossary, tokenizer: keywordTokenizer ?? tokenizer) }
    for section in document.sections {
      add(section.heading, .headings)
      add(section.text, .body)
    }
    occurrences.radixSort()

    var counts = Array(repeating: Int32(0), count: fieldCount)
    var positions: [Int32] = []
    positions.reserveCapacity(Self.maxPositions)
    var index = 0
    while index < occurrences.count {
      let term = occurrences[index] >> 32
      for field in counts.indices { counts[field] = 0 }
      positions.removeAll(keepingCapacity: true)
      while index < occurrences.count && occurrences[index] >> 32 == term {
        let place = occurrences[index] & 0xFFFF_FFFF
        counts[Int(place & 7)] += 1
        if positions.count < Self.maxPositions { positions.append(Int32(place >> 3)) }
        index += 1
      }
      hits.append(Int(term), counts: counts, positions: positions)
    }
  }
}
