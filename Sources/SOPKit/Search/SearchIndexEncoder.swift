import Foundation

/// Writes the index as JavaScript files that assign globals, so it loads with `<script>` even from `file://`.
///
/// `search/index.js` is small (counts, filters, shard boundaries); terms come in shards of about `shardBytes`, and
/// `search/docs-N.js` holds document N's record, so showing a few results loads little more than their own text.
/// Files load only when a query needs them. A term shard also lists the prefix words (`Tokenizer.prefixWords`)
/// that sort within its range, each with its term. Each file goes through `keep` as soon as it is made (the build
/// writes it there), so the files are never all in memory at once.
struct SearchIndexEncoder {
  static let shardBytes = 16_000

  let documents: [SearchDocument]
  let postings: [(term: String, postings: Postings)]
  var words: [(word: String, term: String)] = []
  let roles: [Role]
  let stemmerName: String?
  /// Where the files go: `search/`, or `es/search/` for the Spanish edition's index.
  var folder = "search/"
  /// Takes each file as it is made and returns what stands for it in the build (`OutputStaging.keep` writes it).
  var keep: @Sendable (RenderedFile) -> RenderedFile = { $0 }

  func files() -> [RenderedFile] {
    let folder = self.folder
    let keep = self.keep
    let documentFiles = Array(documents.enumerated()).parallelMap { offset, document in
      keep(Self.shardFile(folder, "docs", offset) { Self.writeRecord(document, to: &$0) })
    }
    let termItems = postings.map { item in
      var term = JSONWriter()
      term.string(item.term)
      var list = JSONWriter()
      Self.writePostingList(item.postings, to: &list)
      return (term: term.bytes, postings: list.bytes)
    }
    let termStarts = Self.groups(termItems.map { $0.term.count + $0.postings.count }, limit: Self.shardBytes)
    var nextWord = 0
    let termFiles = termStarts.indices.map { shard in
      let end = shard + 1 < termStarts.count ? termStarts[shard + 1] : termItems.count
      let entries = termItems[termStarts[shard]..<end]
      var shardWords: [(word: String, term: String)] = []
      while nextWord < words.count
        && (shard + 1 == termStarts.count
          || words[nextWord].word.utf16.lexicographicallyPrecedes(postings[end].term.utf16))
      {
        shardWords.append(words[nextWord])
        nextWord += 1
      }
      return keep(
        Self.shardFile(folder, "terms", shard) { body in
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
        })
    }
    let roleIndex = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1.id, $0) })
    let filters = documents.map { document in
      document.kind + 8 * document.roleIDs.compactMap { roleIndex[$0] }.reduce(0) { $0 | (1 << $1) }
    }
    var index = JSONWriter()
    index.raw("window.SOPKIT_SEARCH_INDEX={\"version\":1,\"stemmer\":")
    if let stemmerName { index.string(stemmerName) } else { index.raw("null") }
    index.raw(",\"kinds\":")
    index.list(SearchDocumentCollector.kinds) { $0.string($1) }
    index.raw(",\"roles\":")
    index.list(roles) { writer, role in writer.list([role.id, role.name]) { $0.string($1) } }
    index.raw(",\"documents\":")
    index.number(documents.count)
    index.raw(",\"termShards\":")
    index.list(termStarts) { $0.string(postings[$1].term) }
    index.raw(",\"filters\":")
    index.list(filters) { $0.number($1) }
    index.raw("};\n")
    return [keep(RenderedFile(path: folder + "index.js", contents: .bytes(Data(index.bytes))))] + termFiles
      + documentFiles
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

  /// The index of each group's first item, when items of these sizes in bytes are grouped in order into groups of
  /// about `limit` bytes.
  private static func groups(_ sizes: [Int], limit: Int) -> [Int] {
    var starts: [Int] = []
    var size = 0
    for (offset, bytes) in sizes.enumerated() {
      if starts.isEmpty || size + bytes > limit && size > 0 {
        starts.append(offset)
        size = 0
      }
      size += bytes
    }
    return starts
  }

  /// `[path, title, kind, roleIDs, date, summary, [[anchor, heading, text], ...], language, local]`: language is
  /// an untranslated original's language in another language's index and null otherwise; local is 1 for a
  /// page from a county's overlay and 0 otherwise. Public/js/search-engine.js reads the same layout.
  private static func writeRecord(_ document: SearchDocument, to writer: inout JSONWriter) {
    writer.raw("[")
    writer.string(document.path)
    writer.raw(",")
    writer.string(document.title)
    writer.raw(",")
    writer.number(document.kind)
    writer.raw(",")
    writer.list(document.roleIDs) { $0.string($1) }
    writer.raw(",")
    writer.string(document.date)
    writer.raw(",")
    writer.string(document.summary)
    writer.raw(",")
    writer.list(document.sections) { writer, section in
      writer.list([section.id, section.heading, section.text]) { $0.string($1) }
    }
    writer.raw(",")
    if let language = document.language { writer.string(language) } else { writer.raw("null") }
    writer.raw(document.isLocal ? ",1]" : ",0]")
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
