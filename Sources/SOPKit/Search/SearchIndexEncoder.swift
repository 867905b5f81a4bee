import Foundation

/// Writes the index as JavaScript files that assign globals, so it loads with `<script>` even from `file://`.
///
/// `search/index.js` is small (counts, filters, shard boundaries); terms and documents come in shards of about
/// `shardBytes`, loaded only when a query needs them.
struct SearchIndexEncoder {
  static let shardBytes = 48_000

  let documents: [SearchDocument]
  let postings: [(term: String, postings: [SearchIndexBuilder.Posting])]
  let roles: [Role]
  let stemmerName: String?
  /// Where the files go: `search/`, or `es/search/` for the Spanish edition's index.
  var folder = "search/"

  func files() -> [RenderedFile] {
    let (termFiles, termStarts) = shards(
      kind: "terms", items: postings.map { (Self.string($0.term), Self.postingList($0.postings)) }
    ) { entries in
      "{\"terms\":[\(entries.map(\.0).joined(separator: ","))],\"postings\":[\(entries.map(\.1).joined(separator: ","))]}"
    }
    let (documentFiles, documentStarts) = shards(
      kind: "docs", items: documents.map { ("", record($0)) }
    ) { entries in "[" + entries.map(\.1).joined(separator: ",\n") + "]" }
    let roleIndex = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1.id, $0) })
    let filters = documents.map { document in
      document.kind + 8 * document.roleIDs.compactMap { roleIndex[$0] }.reduce(0) { $0 | (1 << $1) }
    }
    let index =
      "window.SOPKIT_SEARCH_INDEX={\"version\":1,"
      + "\"stemmer\":\(stemmerName.map(Self.string) ?? "null"),"
      + "\"kinds\":[\(SearchDocumentCollector.kinds.map(Self.string).joined(separator: ","))],"
      + "\"roles\":[\(roles.map { "[\(Self.string($0.id)),\(Self.string($0.name))]" }.joined(separator: ","))],"
      + "\"documents\":\(documents.count),"
      + "\"termShards\":[\(termStarts.map { Self.string(postings[$0].term) }.joined(separator: ","))],"
      + "\"documentShards\":[\(documentStarts.map(String.init).joined(separator: ","))],"
      + "\"filters\":[\(filters.map(String.init).joined(separator: ","))]};\n"
    return [RenderedFile(path: folder + "index.js", text: index)] + termFiles + documentFiles
  }

  /// `[path, title, kind, roleIDs, date, summary, [[anchor, heading, text], ...], language, local]`: language is
  /// an untranslated original's language in another language's index and null otherwise; local is 1 for a
  /// page from a county's overlay and 0 otherwise. Public/js/search-engine.js reads the same layout.
  private func record(_ document: SearchDocument) -> String {
    let sections = document.sections.map {
      "[\(Self.string($0.id)),\(Self.string($0.heading)),\(Self.string($0.text))]"
    }
    return "[\(Self.string(document.path)),\(Self.string(document.title)),\(document.kind),"
      + "[\(document.roleIDs.map(Self.string).joined(separator: ","))],\(Self.string(document.date)),"
      + "\(Self.string(document.summary)),[\(sections.joined(separator: ","))],"
      + "\(document.language.map(Self.string) ?? "null"),\(document.isLocal ? 1 : 0)]"
  }

  /// Groups encoded items into shard files; returns the files and the index of each shard's first item.
  private func shards(kind: String, items: [(String, String)], body: ([(String, String)]) -> String)
    -> ([RenderedFile], [Int])
  {
    var files: [RenderedFile] = []
    var starts: [Int] = []
    var start = 0
    var size = 0
    func close(_ end: Int) {
      guard end > start else { return }
      let text = "SOPKIT_SEARCH_SHARD(\(Self.string(kind)),\(files.count),\(body(Array(items[start..<end]))));\n"
      files.append(RenderedFile(path: folder + "\(kind)-\(files.count).js", text: text))
      starts.append(start)
      start = end
      size = 0
    }
    for (offset, item) in items.enumerated() {
      if size > 0 && size + item.0.utf8.count + item.1.utf8.count > Self.shardBytes { close(offset) }
      size += item.0.utf8.count + item.1.utf8.count
    }
    close(items.count)
    return (files, starts)
  }

  /// `[docDelta, score, positionCount, firstPosition, positionDelta, ...]` for each document, flattened.
  private static func postingList(_ postings: [SearchIndexBuilder.Posting]) -> String {
    var numbers: [Int] = []
    var previous = 0
    for posting in postings {
      numbers += [posting.document - previous, posting.score, posting.positions.count]
      var last = 0
      for position in posting.positions {
        numbers.append(position - last)
        last = position
      }
      previous = posting.document
    }
    return "[" + numbers.map(String.init).joined(separator: ",") + "]"
  }

  /// A JSON string literal, safe inside JavaScript (U+2028 and U+2029 escaped too).
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
