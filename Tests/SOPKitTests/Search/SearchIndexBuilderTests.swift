import Foundation
import Testing

@testable import SOPKit

/// Ranking facts the browser relies on: title above body, sorted terms, deterministic shards.
struct SearchIndexBuilderTests {
  let tokenizer = Tokenizer(stemmer: EnglishStemmer())

  func document(_ title: String, _ body: String) -> SearchDocument {
    SearchDocument(
      path: "\(title).html", title: title, kind: .guide, summary: "",
      sections: [SearchDocument.Section(id: "", heading: "", text: body)])
  }

  /// Every term with its postings, in the order the shards get them.
  func postingsByTerm(_ documents: [SearchDocument]) -> [(term: String, postings: Postings)] {
    var hits = TermHits(documents, tokenizer: tokenizer)
    var index: [(term: String, postings: Postings)] = []
    hits.removePostings { index.append(($0, $1)) }
    return index
  }

  /// The index's files, in the order they reached the sink.
  func indexFiles(_ documents: [SearchDocument]) -> [RenderedFile] {
    let collector = FileCollector()
    let paths = SearchIndexBuilder.files(
      documents, tokenizer: Tokenizer(stemmer: EnglishStemmer()), roles: [], stemmerName: "en", into: collector)
    let byPath = Dictionary(collector.files.map { ($0.path, $0) }) { first, _ in first }
    return paths.compactMap { byPath[$0] }
  }

  /// The value a script file assigns or passes, read as JSON.
  func json(_ file: RenderedFile) throws -> Any {
    guard case .bytes(let data) = file.contents else { throw CocoaError(.fileReadUnknown) }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("SOPKIT_SEARCH_SHARD(") {
      text = String(text.drop { $0 != "{" }.dropLast(3))
    } else if let start = text.firstIndex(of: "=") {
      text = String(text[text.index(after: start)...])
    }
    return try JSONSerialization.jsonObject(
      with: Data(text.trimmingCharacters(in: CharacterSet(charactersIn: ";\n")).utf8))
  }

  @Test func aTitleMatchOutscoresABodyMatch() throws {
    let index = postingsByTerm([document("Networks", "about people"), document("People", "networks of people")])
    let postings = Array(try #require(index.first { $0.term == "network" }).postings)
    #expect(postings.map(\.document) == [0, 1])
    #expect(postings[0].score > postings[1].score)
  }

  @Test func termsAreSortedInJavaScriptOrder() {
    let terms = postingsByTerm([document("Zebra apple", "Éclair ünder")]).map(\.term)
    #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
  }

  @Test func encodingIsDeterministicAndSharded() {
    let documents = (0..<400).map { document("Guide \($0)", String(repeating: "safety word\($0) ", count: 40)) }
    let encode = { indexFiles(documents).map { "\($0.path)\($0.contents)" } }
    let files = encode()
    #expect(files == encode())
    #expect(files.filter { $0.hasPrefix("search/docs-") }.count == documents.count)
    #expect(files.filter { $0.hasPrefix("search/terms-") }.count > 1)
    #expect(files.first?.hasPrefix("search/index.js") == true)
  }

  @Test func everyFileItListsWentToTheSink() {
    let documents = (0..<50).map { document("Guide \($0)", String(repeating: "safety word\($0) ", count: 40)) }
    let collector = FileCollector()
    let paths = SearchIndexBuilder.files(
      documents, tokenizer: tokenizer, roles: [], stemmerName: "en", into: collector)
    #expect(paths.count > documents.count + 1)
    #expect(Set(paths) == Set(collector.files.map(\.path)))
    #expect(collector.files.count == paths.count)
  }

  @Test func onlyATermsBestDocumentsKeepTheirPositions() throws {
    let count = SearchIndexBuilder.positionedDocuments + 50
    let documents = (0..<count).map { document("Guide \($0)", String(repeating: "safety ", count: 1 + $0 % 7)) }
    let postings = Array(
      try #require(postingsByTerm(documents).first { $0.term == "safeti" }).postings)
    let positioned = postings.filter { !$0.positions.isEmpty }
    #expect(postings.count == count)
    #expect(positioned.count == SearchIndexBuilder.positionedDocuments)
    #expect(positioned.map(\.score).min()! >= postings.filter { $0.positions.isEmpty }.map(\.score).max()!)
  }

  @Test func termShardsListThePrefixWordsInTheirRange() throws {
    let shard = try #require(
      indexFiles([document("Mapping", "worried networks")]).first { $0.path == "search/terms-0.js" })
    guard case .bytes(let data) = shard.contents else {
      Issue.record("search/terms-0.js should be built, not copied")
      return
    }
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""words":["mapping","worried"],"stems":["map","worri"]"#))
  }

  @Test func eachShardListsThePrefixWordsFromItsFirstTermToTheNextShards() throws {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let words = (0..<600).map { "walk\(letters[$0 / 26])\(letters[$0 % 26])ing" }
    let documents = (0..<60).map { document("Guide \($0)", words.joined(separator: " ")) }
    let files = indexFiles(documents)
    let indexFile = try #require(files.first { $0.path == "search/index.js" })
    let index = try #require(try json(indexFile) as? [String: Any])
    let firstTerms = try #require(index["termShards"] as? [String])
    #expect(firstTerms.count > 2)
    var listed: [String] = []
    for (shard, first) in firstTerms.enumerated() {
      let file = try #require(files.first { $0.path == "search/terms-\(shard).js" })
      let body = try #require(try json(file) as? [String: Any])
      #expect((body["terms"] as? [String])?.first == first)
      let shardWords = body["words"] as? [String] ?? []
      for word in shardWords {
        if shard > 0 { #expect(!word.utf16.lexicographicallyPrecedes(first.utf16)) }
        if shard + 1 < firstTerms.count { #expect(word.utf16.lexicographicallyPrecedes(firstTerms[shard + 1].utf16)) }
      }
      listed += shardWords
    }
    #expect(Set(listed).isSuperset(of: words))
    #expect(listed.count == Set(listed).count)
  }

  @Test func stringsAreEscapedForJSONAndJavaScript() {
    var writer = JSONWriter()
    writer.string("a\"b\\c\nd\re\tf\u{01}g\u{2028}h\u{2029}é’\u{2027}\u{1F}")
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == #""a\"b\\c\nd\re\tf\u0001g\u2028h\u2029é’\#u{2027}\u001f""#)
  }

  @Test func numbersAndListsAreWrittenAsJSON() {
    var writer = JSONWriter()
    writer.list([0, 7, -42, 1_234_567]) { $0.number($1) }
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "[0,7,-42,1234567]")
  }
}
