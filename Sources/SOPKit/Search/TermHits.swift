import Foundation

/// Every term's hits in every document, gathered in one pass over the documents, with the field lengths BM25F
/// needs: what each term's postings are scored from.
struct TermHits {
  /// Documents whose per-document term tables are alive at once: the tables are folded into `PackedHits` batch by
  /// batch, since all of them together were a third of a build's peak memory.
  static let batchSize = 512

  /// By term number in the tokenizer's `TermTable`.
  private var hitsByTerm: [PackedHits]
  /// By document, then by `SearchDocument.Field`.
  private let lengths: [[Int]]
  private let averages: [Double]
  private let terms: [String]

  init(_ documents: [SearchDocument], tokenizer: Tokenizer) {
    // An untranslated original is indexed by its folded words, unstemmed: another language's stemmer would make
    // false friends of its words (Spanish "casas" and English "cases" share the stem "cas").
    let unstemmed = tokenizer.unstemmed()
    var hitsByTerm: [PackedHits] = []
    var lengths: [[Int]] = []
    lengths.reserveCapacity(documents.count)
    for start in stride(from: 0, to: documents.count, by: Self.batchSize) {
      let batch = Array(documents[start..<min(start + Self.batchSize, documents.count)])
      let perDocument = batch.parallelMap { document in
        document.language == nil
          ? DocumentTerms(document, tokenizer: tokenizer)
          : DocumentTerms(document, tokenizer: unstemmed, keywordTokenizer: tokenizer)
      }
      for (offset, terms) in perDocument.enumerated() {
        lengths.append(terms.lengths)
        terms.hits.forEach { term, hits in
          if term >= hitsByTerm.count { hitsByTerm += repeatElement(PackedHits(), count: term + 1 - hitsByTerm.count) }
          hitsByTerm[term].append(start + offset, hits)
        }
      }
    }
    let fieldCount = SearchIndexBuilder.weights.count
    var averages = Array(repeating: 0.0, count: fieldCount)
    for documentLengths in lengths { for field in 0..<fieldCount { averages[field] += Double(documentLengths[field]) } }
    self.averages = averages.map { max(1, $0 / Double(max(1, documents.count))) }
    self.hitsByTerm = hitsByTerm
    self.lengths = lengths
    terms = tokenizer.termTable.all()
  }

  /// How many documents hold each term, by term number.
  var documentCounts: [Int] { hitsByTerm.map(\.count) }

  /// Calls `body` with every term, sorted by UTF-16 code units (JavaScript's string order), and its postings, with
  /// positions only in the term's `SearchIndexBuilder.positionedDocuments` best documents. Each term's hits go as
  /// soon as its postings are made, so the hits are read once.
  mutating func removePostings(_ body: (String, Postings) -> Void) {
    let total = Double(lengths.count)
    let sortedTerms = hitsByTerm.indices.filter { hitsByTerm[$0].count > 0 }
      .sorted { [terms] in terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
    for term in sortedTerms {
      let entries = hitsByTerm[term]
      hitsByTerm[term] = PackedHits()
      let frequency = Double(entries.count)
      let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
      var scores: [Int] = []
      scores.reserveCapacity(entries.count)
      entries.forEach { document, hits in scores.append(score(hits, in: document, idf: idf)) }
      var keepsPositions = Array(repeating: true, count: scores.count)
      if scores.count > SearchIndexBuilder.positionedDocuments {
        keepsPositions = Array(repeating: false, count: scores.count)
        for kept in scores.indices.sorted(by: { scores[$0] > scores[$1] }).prefix(
          SearchIndexBuilder.positionedDocuments)
        {
          keepsPositions[kept] = true
        }
      }
      var postings = Postings()
      var positions: [Int32] = []
      var offset = 0
      entries.forEach { document, hits in
        positions.removeAll(keepingCapacity: true)
        if keepsPositions[offset] { positions.append(contentsOf: hits.positions) }
        postings.append(Postings.Posting(document: document, score: scores[offset], positions: positions[...]))
        offset += 1
      }
      body(terms[term], postings)
    }
  }

  /// BM25F × 1000, rounded, of one term's hits in `document`.
  private func score(_ hits: PackedHits.Hits, in document: Int, idf: Double) -> Int {
    var weighted = 0.0
    for field in averages.indices where hits.counts[field] > 0 {
      let b = SearchIndexBuilder.lengthNormalization[field]
      let length = Double(lengths[document][field])
      weighted +=
        SearchIndexBuilder.weights[field] * Double(hits.counts[field]) / (1 - b + b * length / averages[field])
    }
    let k1 = SearchIndexBuilder.k1
    return Int((idf * weighted * (k1 + 1) / (weighted + k1) * 1000).rounded())
  }
}
