import Foundation

/// Writes the index as JavaScript files that assign globals, so it loads with `<script>` even from `file://`.
///
/// `search/index.js` is small (counts, filters, shard boundaries); terms come in shards of about `shardBytes`,
/// `search/docs-N.js` holds document N's record, so showing a few results loads little more than their own text, and
/// `search/words-N.js` the words a misspelt query word starting with one letter may be corrected to.
/// Files load only when a query needs them. A term shard also lists the prefix words (`Tokenizer.prefixWords`)
/// that sort within its range, each with its term.
struct SearchIndexEncoder {
  static let shardBytes = 16_000

  let documents: [SearchDocument]
  let roles: [Role]
  let stemmerName: String?
  /// Where the files go: `search/`, or `es/search/` for the Spanish edition's index.
  var folder = "search/"
  /// Takes each file as soon as it is made.
  let sink: any FileSink

  /// `search/docs-N.js` for each document N; returns their paths.
  func documentFiles() -> [String] {
    let (folder, sink) = (self.folder, self.sink)
    return Array(documents.enumerated()).parallelMap { offset, document in
      sink.put(Self.shardFile(folder, "docs", offset) { Self.writeRecord(document, to: &$0) })
    }
  }

  /// The term shards' writer, into this index's folder and sink; `words` sorted like the terms.
  func termShards(words: [(word: String, term: String)]) -> TermShards {
    TermShards(folder: folder, words: words, sink: sink)
  }

  /// `search/words-N.js` for each group N of `corrections`: `{"words":[...]}`; returns their paths.
  func wordFiles(_ corrections: CorrectionWords) -> [String] {
    corrections.groups.enumerated().map { number, group in
      sink.put(
        Self.shardFile(folder, "words", number) { body in
          body.raw("{\"words\":")
          body.list(group.words) { $0.string($1) }
          body.raw("}")
        })
    }
  }

  /// `search/index.js`, given the first term of each term shard and the first letter of each correction word shard;
  /// returns its path.
  func indexFile(firstTerms: [String], wordLetters: [String]) -> String {
    let roleIndex = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1.id, $0) })
    let filters = documents.map { document in
      SearchIndexFormat.filter(kind: document.kind, roleIndices: document.roleIDs.compactMap { roleIndex[$0] })
    }
    var index = JSONWriter()
    index.raw("window.SOPKIT_SEARCH_INDEX={\"version\":1,\"stemmer\":")
    if let stemmerName { index.string(stemmerName) } else { index.raw("null") }
    index.raw(",")
    SearchIndexFormat.write(to: &index)
    index.raw(",\"kinds\":")
    index.list(SearchKind.allCases) { $0.string($1.name) }
    index.raw(",\"roles\":")
    index.list(roles) { writer, role in
      writer.list(SearchIndexFormat.RoleField.allCases) { writer, field in
        switch field {
        case .id: writer.string(role.id)
        case .name: writer.string(role.name)
        }
      }
    }
    index.raw(",\"documents\":")
    index.number(documents.count)
    index.raw(",\"termShards\":")
    index.list(firstTerms) { $0.string($1) }
    index.raw(",\"wordShards\":")
    index.list(wordLetters) { $0.string($1) }
    index.raw(",\"filters\":")
    index.list(filters) { $0.number($1) }
    index.raw("};\n")
    return sink.put(RenderedFile(path: folder + "index.js", contents: .bytes(Data(index.bytes))))
  }

  /// `search/terms-N.js`, made as the terms come in order: a shard is written once the next term would take it
  /// past `shardBytes`, so only one shard's postings are in memory at a time.
  struct TermShards {
    let folder: String
    /// Sorted like the terms.
    let words: [(word: String, term: String)]
    let sink: any FileSink
    private(set) var firstTerms: [String] = []
    private var paths: [String] = []
    /// The shard being filled: each term and its posting list, as JSON.
    private var entries: [(term: [UInt8], postings: [UInt8])] = []
    private var size = 0
    private var nextWord = 0

    fileprivate init(folder: String, words: [(word: String, term: String)], sink: any FileSink) {
      self.folder = folder
      self.words = words
      self.sink = sink
    }

    /// Adds the next term in order.
    mutating func add(_ term: String, _ postings: Postings) {
      var termJSON = JSONWriter()
      termJSON.string(term)
      var list = JSONWriter()
      SearchIndexEncoder.writePostingList(postings, to: &list)
      let bytes = termJSON.bytes.count + list.bytes.count
      if !entries.isEmpty && size + bytes > SearchIndexEncoder.shardBytes { write(before: term) }
      if entries.isEmpty { firstTerms.append(term) }
      entries.append((termJSON.bytes, list.bytes))
      size += bytes
    }

    /// Writes the last shard and returns every shard's path.
    mutating func finish() -> [String] {
      if !entries.isEmpty { write(before: nil) }
      return paths
    }

    /// Writes the shard being filled with the prefix words that sort before `next`, the next shard's first term
    /// (all that are left for the last shard).
    private mutating func write(before next: String?) {
      func sortsBeforeNext(_ word: String) -> Bool {
        guard let next else { return true }
        return word.utf16.lexicographicallyPrecedes(next.utf16)
      }
      var shardWords: [(word: String, term: String)] = []
      while nextWord < words.count && sortsBeforeNext(words[nextWord].word) {
        shardWords.append(words[nextWord])
        nextWord += 1
      }
      let entries = self.entries
      paths.append(
        sink.put(
          SearchIndexEncoder.shardFile(folder, "terms", paths.count) { body in
            body.raw("{\"terms\":")
            body.list(entries) { $0.raw($1.term) }
            body.raw(",\"postings\":")
            body.list(entries) { $0.raw($1.postings) }
            if !shardWords.isEmpty {
              body.raw(",\"words\":")
              body.list(shardWords) { $0.string($1.word) }
              body.raw(",\"stems\":")
              body.list(shardWords) { $0.string($1.term) }
            }
            body.raw("}")
          }))
      self.entries.removeAll()
      size = 0
    }
  }

  /// `SOPKIT_SEARCH_SHARD(kind,number,body);`, the body written by `writeBody`.
  private static func shardFile(
    _ folder: String, _ kind: String, _ number: Int, _ writeBody: (inout JSONWriter) -> Void
  ) -> RenderedFile {
    var file = JSONWriter()
    file.raw("SOPKIT_SEARCH_SHARD(")
    file.string(kind)
    file.raw(",")
    file.number(number)
    file.raw(",")
    writeBody(&file)
    file.raw(");\n")
    return RenderedFile(path: folder + "\(kind)-\(number).js", contents: .bytes(Data(file.bytes)))
  }

  /// The record of `document`, an array of its `SearchIndexFormat.RecordField`s in order.
  private static func writeRecord(_ document: SearchDocument, to writer: inout JSONWriter) {
    writer.list(SearchIndexFormat.RecordField.allCases) { writer, field in
      switch field {
      case .path: writer.string(document.path)
      case .title: writer.string(document.title)
      case .kind: writer.number(document.kind.rawValue)
      case .roles: writer.list(document.roleIDs) { $0.string($1) }
      case .date: writer.string(document.date)
      case .summary: writer.string(document.summary)
      case .sections:
        writer.list(document.sections) { writer, section in
          writer.list(SearchIndexFormat.SectionField.allCases) { writer, field in
            switch field {
            case .anchor: writer.string(section.id)
            case .heading: writer.string(section.heading)
            case .text: writer.string(section.text)
            }
          }
        }
      case .language:
        if let language = document.language { writer.string(language) } else { writer.raw("null") }
      case .local: writer.number(document.isLocal ? 1 : 0)
      }
    }
  }

  /// `[docDelta, score, positionCount, firstPosition, positionDelta, ...]` for each document, flattened.
  private static func writePostingList(_ postings: Postings, to writer: inout JSONWriter) {
    var previous = 0
    var isFirst = true
    func write(_ number: Int) {
      if !isFirst { writer.raw(",") }
      isFirst = false
      writer.number(number)
    }
    writer.raw("[")
    for posting in postings {
      write(posting.document - previous)
      write(posting.score)
      write(posting.positions.count)
      var last = 0
      for position in posting.positions {
        write(Int(position) - last)
        last = Int(position)
      }
      previous = posting.document
    }
    writer.raw("]")
  }
}
