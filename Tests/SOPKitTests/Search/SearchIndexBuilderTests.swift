import Foundation
import Testing

@testable import SOPKit

/// Ranking facts the browser relies on: title above body, sorted terms, deterministic shards.
struct SearchIndexBuilderTests {
  let tokenizer = Tokenizer(stemmer: EnglishStemmer())

  func document(_ title: String, _ body: String) -> SearchDocument {
    SearchDocument(
      path: "\(title).html", title: title, kind: 0, summary: "",
      sections: [SearchDocument.Section(id: "", heading: "", text: body)])
  }

  @Test func aTitleMatchOutscoresABodyMatch() throws {
    let index = SearchIndexBuilder.build(
      [document("Networks", "about people"), document("People", "networks of people")], tokenizer: tokenizer)
    let postings = Array(try #require(index.first { $0.term == "network" }).postings)
    #expect(postings.map(\.document) == [0, 1])
    #expect(postings[0].score > postings[1].score)
  }

  @Test func termsAreSortedInJavaScriptOrder() {
    let index = SearchIndexBuilder.build([document("Zebra apple", "Éclair ünder")], tokenizer: tokenizer)
    let terms = index.map(\.term)
    #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
  }

  @Test func encodingIsDeterministicAndSharded() {
    let documents = (0..<400).map { document("Guide \($0)", String(repeating: "safety word\($0) ", count: 40)) }
    let index = SearchIndexBuilder.build(documents, tokenizer: tokenizer)
    let encode = {
      SearchIndexEncoder(documents: documents, postings: index, roles: [], stemmerName: "en").files()
        .map { "\($0.path)\($0.contents)" }
    }
    let files = encode()
    #expect(files == encode())
    #expect(files.filter { $0.hasPrefix("search/docs-") }.count == documents.count)
    #expect(files.filter { $0.hasPrefix("search/terms-") }.count > 1)
    #expect(files.first?.hasPrefix("search/index.js") == true)
  }

  @Test func everyFileGoesThroughKeep() {
    let documents = (0..<50).map { document("Guide \($0)", String(repeating: "safety word\($0) ", count: 40)) }
    let files = SearchIndexEncoder(
      documents: documents, postings: SearchIndexBuilder.build(documents, tokenizer: tokenizer), roles: [],
      stemmerName: "en", keep: { RenderedFile(path: $0.path, contents: .written(URL(fileURLWithPath: "/kept"))) }
    ).files()
    #expect(files.count > documents.count + 1)
    #expect(files.allSatisfy { if case .written = $0.contents { true } else { false } })
  }

  @Test func onlyATermsBestDocumentsKeepTheirPositions() throws {
    let count = SearchIndexBuilder.positionedDocuments + 50
    let documents = (0..<count).map { document("Guide \($0)", String(repeating: "safety ", count: 1 + $0 % 7)) }
    let postings = Array(
      try #require(SearchIndexBuilder.build(documents, tokenizer: tokenizer).first { $0.term == "safeti" }).postings)
    let positioned = postings.filter { !$0.positions.isEmpty }
    #expect(postings.count == count)
    #expect(positioned.count == SearchIndexBuilder.positionedDocuments)
    #expect(positioned.map(\.score).min()! >= postings.filter { $0.positions.isEmpty }.map(\.score).max()!)
  }

  @Test func termShardsListThePrefixWordsInTheirRange() throws {
    let documents = [document("Mapping", "worried networks")]
    let tokenizer = Tokenizer(stemmer: EnglishStemmer())
    let index = SearchIndexBuilder.build(documents, tokenizer: tokenizer)
    let files = SearchIndexEncoder(
      documents: documents, postings: index, words: tokenizer.prefixWords(), roles: [], stemmerName: "en"
    ).files()
    let shard = try #require(files.first { $0.path == "search/terms-0.js" })
    guard case .bytes(let data) = shard.contents else {
      Issue.record("search/terms-0.js should be built, not copied")
      return
    }
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""words":["mapping","worried"],"stems":["map","worri"]"#))
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
