import Foundation

/// The Search stage: builds the site's search index from the site model, as script files that load from disk.
///
/// Scores are BM25F, computed here once per term and document, so the browser only adds integers.
enum SearchIndexBuilder {
  /// Field weights, by `SearchDocument.Field`: title above headings above keywords (tags) above body; the other names
  /// of a glossary term named in the title count like the title, and those of one named in the text like a summary.
  static let weights: [Double] = [8, 4, 3, 2, 1, 8, 2]
  /// Length normalisation per field; keywords are short lists, so their length says little.
  static let lengthNormalization: [Double] = [0.5, 0.5, 0, 0.75, 0.75, 0, 0]
  static let k1 = 1.2

  /// Documents per term that keep their positions: the best-scoring ones, since only the best candidates get the
  /// proximity boost; a word found in every document would otherwise carry thousands of positions per document.
  static let positionedDocuments = 200

  /// The index's files, each handed to `sink` as soon as it is made; returns their paths.
  static func files(for site: Site, into sink: any FileSink) -> [String] {
    let choice = StemmerChoice.forLanguage(site.settings.language)
    let tokenizer = Tokenizer(stemmer: choice?.stemmer)
    let glossary = GlossaryExpansion(site.glossary.map { $0.localized(site.language.id) }, tokenizer: tokenizer)
    return files(
      glossary.expand(SearchDocumentCollector.documents(for: site)), tokenizer: tokenizer,
      roles: site.settings.roles, stemmerName: choice?.name, folder: site.language.pathPrefix + "search/", into: sink)
  }

  /// The index of `documents`: each document's record, the correction words, then the term shards as each term's
  /// postings are made, then `index.js`. Every file goes to `sink` as soon as it is made (a build writes it then), so
  /// the files are never all in memory at once, nor all the postings. Returns their paths.
  static func files(
    _ documents: [SearchDocument], tokenizer: Tokenizer, roles: [Role], stemmerName: String?,
    folder: String = "search/", into sink: any FileSink
  ) -> [String] {
    let encoder = SearchIndexEncoder(
      documents: documents, roles: roles, stemmerName: stemmerName, folder: folder, sink: sink)
    let documentFiles = encoder.documentFiles()
    var hits = TermHits(documents, tokenizer: tokenizer)
    let corrections = CorrectionWords(tokenizer.foldedWords(), documentCounts: hits.documentCounts)
    let wordFiles = encoder.wordFiles(corrections)
    var shards = encoder.termShards(words: tokenizer.prefixWords())
    hits.removePostings { shards.add($0, $1) }
    let termFiles = shards.finish()
    return [encoder.indexFile(firstTerms: shards.firstTerms, wordLetters: corrections.groups.map(\.letter))]
      + termFiles + wordFiles + documentFiles
  }
}
