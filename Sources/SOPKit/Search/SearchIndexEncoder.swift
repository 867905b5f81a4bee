import Foundation

/// Writes the index as JavaScript files that assign globals, so it loads with `<script>` even from `file://`.
///
/// `search/index.js` is small (counts, filters, shard boundaries); terms come in shards of about `shardBytes`, and
/// `search/docs-N.js` holds document N's record, so showing a few results loads little more than their own text.
/// Files load only when a query needs them. A term shard also lists the prefix words (`Tokenizer.prefixWords`)
/// that sort within its range, each with its term.
struct SearchIndexEncoder {
  static let shardBytes = 16_000

  let documents: [SearchDocument]
  let postings: [(term: String, postings: [SearchIndexBuilder.Posting])]
  var words: [(word: String, term: String)] = []
  let roles: [Role]
  let stemmerName: String?
  /// Where the files go: `search/`, or `es/search/` for the Spanish edition's index.
  var folder = "search/"

  func files() -> [RenderedFile] {
    let folder = self.folder
    let termItems = postings.map { (Self.string($0.term), Self.postingList($0.postings)) }
    let termStarts = Self.groups(termItems, limit: Self.shardBytes)
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
      var body =
        "{\"terms\":[\(entries.map(\.0).joined(separator: ","))],\"postings\":[\(entries.map(\.1).joined(separator: ","))]"
      if !shardWords.isEmpty {
        body += ",\"words\":[\(shardWords.map { Self.string($0.word) }.joined(separator: ","))]"
        body += ",\"stems\":[\(shardWords.map { Self.string($0.term) }.joined(separator: ","))]"
      }
      return Self.shardFile(folder, "terms", shard, body + "}")
    }
    let documentFiles = Array(documents.enumerated()).parallelMap {
      Self.shardFile(folder, "docs", $0.offset, Self.record($0.element))
    }
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
      + "\"filters\":[\(filters.map(String.init).joined(separator: ","))]};\n"
    return [RenderedFile(path: folder + "index.js", text: index)] + termFiles + documentFiles
  }

  private static func shardFile(_ folder: String, _ kind: String, _ number: Int, _ body: String) -> RenderedFile {
    RenderedFile(
      path: folder + "\(kind)-\(number).js", text: "SOPKIT_SEARCH_SHARD(\(string(kind)),\(number),\(body));\n")
  }

  /// The index of each group's first item, when items are grouped in order into groups of about `limit` bytes.
  private static func groups(_ items: [(String, String)], limit: Int) -> [Int] {
    var starts: [Int] = []
    var size = 0
    for (offset, item) in items.enumerated() {
      let bytes = item.0.utf8.count + item.1.utf8.count
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
  private static func record(_ document: SearchDocument) -> String {
    let sections = document.sections.map {
      "[\(Self.string($0.id)),\(Self.string($0.heading)),\(Self.string($0.text))]"
    }
    return "[\(Self.string(document.path)),\(Self.string(document.title)),\(document.kind),"
      + "[\(document.roleIDs.map(Self.string).joined(separator: ","))],\(Self.string(document.date)),"
      + "\(Self.string(document.summary)),[\(sections.joined(separator: ","))],"
      + "\(document.language.map(Self.string) ?? "null"),\(document.isLocal ? 1 : 0)]"
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

  /// A JSON string literal, safe inside JavaScript (U+2028 and U+2029 escaped too). Works on the UTF-8 bytes: the
  /// index escapes every document's text, so this is on the build's hot path.
  static func string(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = [quote]
    out.reserveCapacity(bytes.count + 16)
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      switch byte {
      case quote, backslash: out += [backslash, byte]
      case UInt8(ascii: "\n"): out += [backslash, UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): out += [backslash, UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): out += [backslash, UInt8(ascii: "t")]
      case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
      // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
      case 0xE2 where i + 1 < bytes.count && bytes[i] == 0x80 && (bytes[i + 1] == 0xA8 || bytes[i + 1] == 0xA9):
        out += Array((bytes[i + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        i += 2
      default: out.append(byte)
      }
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
}
