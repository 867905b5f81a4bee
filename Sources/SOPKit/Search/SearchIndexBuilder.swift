import Foundation

/// The Search stage: builds the site's search index from the site model, as script files that load from disk.
///
/// Scores are BM25F, computed here once per term and document, so the browser only adds integers.
enum SearchIndexBuilder {
  /// Field weights, by `SearchDocument.Field`: title above headings above keywords (tags) above body.
  static let weights: [Double] = [8, 4, 3, 2, 1]
  /// Length normalisation per field; keywords are short lists, so their length says little.
  static let lengthNormalization: [Double] = [0.5, 0.5, 0, 0.75, 0.75]
  static let k1 = 1.2

  /// Documents per term that keep their positions: the best-scoring ones, since only the best candidates get the
  /// proximity boost; a word found in every document would otherwise carry thousands of positions per document.
  static let positionedDocuments = 200

  /// The index's files, each passed through `keep` as soon as it is made (`SearchIndexEncoder.keep`).
  static func files(for site: Site, keep: @escaping @Sendable (RenderedFile) -> RenderedFile = { $0 })
    -> [RenderedFile]
  {
    let choice = StemmerChoice.forLanguage(site.settings.language)
    let documents = SearchDocumentCollector.documents(for: site)
    let tokenizer = Tokenizer(stemmer: choice?.stemmer)
    let index = build(documents, tokenizer: tokenizer)
    return SearchIndexEncoder(
      documents: documents, postings: index, words: tokenizer.prefixWords(), roles: site.settings.roles,
      stemmerName: choice?.name, folder: site.language.pathPrefix + "search/", keep: keep
    ).files()
  }

  /// Documents whose per-document term tables are alive at once: the tables are folded into `PackedHits` batch by
  /// batch, since all of them together were a third of a build's peak memory.
  static let batchSize = 512

  /// Every term, sorted by UTF-16 code units (JavaScript's string order), with its postings; positions only in the
  /// term's `positionedDocuments` best documents.
  static func build(_ documents: [SearchDocument], tokenizer: Tokenizer) -> [(term: String, postings: Postings)] {
    // An untranslated original is indexed by its folded words, unstemmed: another language's stemmer would make
    // false friends of its words (Spanish "casas" and English "cases" share the stem "cas").
    let unstemmed = tokenizer.unstemmed()
    let fieldCount = weights.count
    var lengths: [[Int]] = []
    lengths.reserveCapacity(documents.count)
    // By term number.
    var hitsByTerm: [PackedHits] = []
    for start in stride(from: 0, to: documents.count, by: batchSize) {
      let batch = Array(documents[start..<min(start + batchSize, documents.count)])
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
    var averages = Array(repeating: 0.0, count: fieldCount)
    for documentLengths in lengths { for field in 0..<fieldCount { averages[field] += Double(documentLengths[field]) } }
    averages = averages.map { max(1, $0 / Double(max(1, documents.count))) }

    let total = Double(documents.count)
    let terms = tokenizer.termTable.all()
    let sortedTerms = hitsByTerm.indices.filter { hitsByTerm[$0].count > 0 }
      .sorted { terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
    var index: [(term: String, postings: Postings)] = []
    index.reserveCapacity(sortedTerms.count)
    for term in sortedTerms {
      let entries = hitsByTerm[term]
      // Each term's hits go as soon as its postings are made: the two were never needed together.
      hitsByTerm[term] = PackedHits()
      let frequency = Double(entries.count)
      let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
      var scores: [Int] = []
      scores.reserveCapacity(entries.count)
      entries.forEach { document, hits in
        var weighted = 0.0
        for field in 0..<fieldCount where hits.counts[field] > 0 {
          let b = lengthNormalization[field]
          let length = Double(lengths[document][field])
          weighted += weights[field] * Double(hits.counts[field]) / (1 - b + b * length / averages[field])
        }
        let score = idf * weighted * (k1 + 1) / (weighted + k1)
        scores.append(Int((score * 1000).rounded()))
      }
      var keepsPositions = Array(repeating: true, count: scores.count)
      if scores.count > positionedDocuments {
        keepsPositions = Array(repeating: false, count: scores.count)
        for kept in scores.indices.sorted(by: { scores[$0] > scores[$1] }).prefix(positionedDocuments) {
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
      index.append((terms[term], postings))
    }
    return index
  }
}
