/// What one document contributes to the index: each term's count per field and first positions, and field lengths.
struct DocumentTerms: Sendable {
  /// One term's occurrences in one document.
  struct Hits: Sendable {
    var counts: [Int]
    var positions: [Int]
  }

  /// Positions kept per term and document: enough for phrase and proximity boosts, bounded in size.
  static let maxPositions = 48
  /// Positions skipped between fields and sections, so a phrase never spans two of them.
  static let gap = 8

  var lengths: [Int]
  var hits: [String: Hits]

  init(_ document: SearchDocument, tokenizer: Tokenizer) {
    lengths = Array(repeating: 0, count: SearchDocument.Field.allCases.count)
    hits = [:]
    var position = 0
    func add(_ text: String, _ field: SearchDocument.Field) {
      let terms = tokenizer.terms(text)
      lengths[field.rawValue] += terms.count
      for term in terms {
        var entry = hits[term] ?? Hits(counts: Array(repeating: 0, count: lengths.count), positions: [])
        entry.counts[field.rawValue] += 1
        if entry.positions.count < Self.maxPositions { entry.positions.append(position) }
        hits[term] = entry
        position += 1
      }
      position += Self.gap
    }
    add(document.title, .title)
    add(document.summary, .summary)
    for keyword in document.keywords { add(keyword, .keywords) }
    for section in document.sections {
      add(section.heading, .headings)
      add(section.text, .body)
    }
  }
}
