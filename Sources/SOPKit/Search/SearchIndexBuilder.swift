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

  static func files(for site: Site) -> [RenderedFile] {
    let choice = StemmerChoice.forLanguage(site.settings.language)
    let documents = SearchDocumentCollector.documents(for: site)
    let tokenizer = Tokenizer(stemmer: choice?.stemmer)
    let index = build(documents, tokenizer: tokenizer)
    return SearchIndexEncoder(
      documents: documents, postings: index, words: tokenizer.prefixWords(), roles: site.settings.roles,
      stemmerName: choice?.name, folder: site.language.pathPrefix + "search/"
    ).files()
  }

  /// One term's documents, ascending, each with its score (BM25F × 1000, rounded) and first positions (none outside
  /// the term's `positionedDocuments` best).
  struct Posting: Sendable {
    var document: Int
    var score: Int
    var positions: [Int]
  }

  /// Every term, sorted by UTF-16 code units (JavaScript's string order), with its postings.
  static func build(_ documents: [SearchDocument], tokenizer: Tokenizer) -> [(term: String, postings: [Posting])] {
    // An untranslated original is indexed by its folded words, unstemmed: another language's stemmer would make
    // false friends of its words (Spanish "casas" and English "cases" share the stem "cas").
    let unstemmed = Tokenizer(stemmer: nil)
    let perDocument = documents.parallelMap { document in
      document.language == nil
        ? DocumentTerms(document, tokenizer: tokenizer)
        : DocumentTerms(document, tokenizer: unstemmed, keywordTokenizer: tokenizer)
    }
    let fieldCount = weights.count
    var averages = Array(repeating: 0.0, count: fieldCount)
    for terms in perDocument { for field in 0..<fieldCount { averages[field] += Double(terms.lengths[field]) } }
    averages = averages.map { max(1, $0 / Double(max(1, documents.count))) }

    var byTerm: [String: [(Int, DocumentTerms.Hits)]] = [:]
    for (document, terms) in perDocument.enumerated() {
      for (term, hits) in terms.hits { byTerm[term, default: []].append((document, hits)) }
    }
    let total = Double(documents.count)
    let sortedTerms = byTerm.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    return sortedTerms.map { term in
      let entries = byTerm[term]!.sorted { $0.0 < $1.0 }
      let frequency = Double(entries.count)
      let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
      var postings = entries.map { document, hits in
        var weighted = 0.0
        for field in 0..<fieldCount where hits.counts[field] > 0 {
          let b = lengthNormalization[field]
          let length = Double(perDocument[document].lengths[field])
          weighted += weights[field] * Double(hits.counts[field]) / (1 - b + b * length / averages[field])
        }
        let score = idf * weighted * (k1 + 1) / (weighted + k1)
        return Posting(document: document, score: Int((score * 1000).rounded()), positions: hits.positions)
      }
      if postings.count > positionedDocuments {
        let kept = postings.indices.sorted { postings[$0].score > postings[$1].score }.prefix(positionedDocuments)
        let keptSet = Set(kept)
        for i in postings.indices where !keptSet.contains(i) { postings[i].positions = [] }
      }
      return (term, postings)
    }
  }
}
