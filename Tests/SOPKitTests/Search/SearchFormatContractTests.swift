import Foundation
import Testing

@testable import SOPKit

/// The search index's one contract between Swift and JavaScript: what `SearchIndexFormat` writes is what
/// Public/js reads by name, and what the JavaScript tests' hand-made index says.
struct SearchFormatContractTests {
  static let javaScriptFiles = ["Public/js/search-engine.js", "Public/js/search.js"]

  func index(_ documents: [SearchDocument], roles: [Role]) throws -> (index: [String: Any], files: [RenderedFile]) {
    let collector = FileCollector()
    _ = SearchIndexBuilder.files(
      documents, tokenizer: Tokenizer(stemmer: EnglishStemmer()), roles: roles, stemmerName: "en", into: collector)
    let files = collector.files
    let reader = SearchIndexBuilderTests()
    let indexFile = try #require(files.first { $0.path == "search/index.js" })
    let index = try #require(try reader.json(indexFile) as? [String: Any])
    return (index, files)
  }

  func javaScript() throws -> String {
    try Self.javaScriptFiles.map {
      try String(contentsOf: TemporarySite.repository.appendingPathComponent($0), encoding: .utf8)
    }.joined(separator: "\n")
  }

  /// The property names read after `object.` in the browser's search code.
  func names(readFrom object: String, in source: String) throws -> Set<String> {
    let pattern = try Regex("\\b\(object)\\.([A-Za-z_]+)").wordBoundaryKind(.simple)
    return Set(source.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
  }

  @Test func theBrowserReadsEveryFieldByTheNamesSwiftWrites() throws {
    let source = try javaScript()
    let (index, _) = try index([], roles: [])
    let format = try #require(index["format"] as? [String: Any])
    let written: [String: Set<String>] = [
      "record": Set(SearchIndexFormat.RecordField.allCases.map(\.rawValue)),
      "section": Set(SearchIndexFormat.SectionField.allCases.map(\.rawValue)),
      "role": Set(SearchIndexFormat.RoleField.allCases.map(\.rawValue)),
      "format": Set(format.keys),
    ]
    for (object, fields) in written {
      let read = try names(readFrom: object, in: source)
      #expect(read == fields, "\(object)")
    }
    let positional = try Regex("\\b(record|section|role|values|records\\[i\\])\\[[0-9]").wordBoundaryKind(.simple)
    #expect(source.firstMatch(of: positional) == nil)
  }

  @Test func theJavaScriptTestsIndexHasTheFormatSwiftWrites() throws {
    let (index, _) = try index([], roles: [])
    let fixture = try Data(
      contentsOf: TemporarySite.repository.appendingPathComponent("Tests/JavaScript/index-format.json"))
    let expected = try #require(try JSONSerialization.jsonObject(with: fixture) as? NSDictionary)
    #expect(try #require(index["format"] as? NSDictionary) == expected)
    #expect(index["kinds"] as? [String] == SearchKind.allCases.map(\.name))
  }

  @Test func recordsAndFiltersFollowTheFormat() throws {
    let roles = [
      Role(id: "leaders", name: "Leaders", description: ""),
      Role(id: "line-staff", name: "Line staff", description: ""),
    ]
    let document = SearchDocument(
      path: "stories/s.html", title: "Story", kind: .story, roleIDs: ["line-staff"], date: "2024-01-02",
      summary: "Sum", sections: [SearchDocument.Section(id: "a", heading: "H", text: "T")], language: "es",
      isLocal: true)
    let (index, files) = try index([document], roles: roles)
    let recordFile = try #require(files.first { $0.path == "search/docs-0.js" })
    guard case .bytes(let data) = recordFile.contents else { throw CocoaError(.fileReadUnknown) }
    let script = String(decoding: data, as: UTF8.self)
    let body = try #require(script.firstRange(of: "[")).lowerBound
    let json = Data(script[body...].dropLast(3).utf8)
    let record = try #require(try JSONSerialization.jsonObject(with: json) as? [Any])
    let fields = SearchIndexFormat.RecordField.allCases.map(\.rawValue)
    #expect(record.count == fields.count)
    let named = Dictionary(uniqueKeysWithValues: zip(fields, record))
    #expect(named["path"] as? String == "stories/s.html")
    #expect(named["kind"] as? Int == SearchKind.story.rawValue)
    #expect(named["language"] as? String == "es")
    #expect(named["local"] as? Int == 1)
    #expect(named["sections"] as? [[String]] == [["a", "H", "T"]])
    let filter = try #require((index["filters"] as? [Int])?.first)
    let bits = SearchIndexFormat.filterKindBits
    #expect(filter & ((1 << bits) - 1) == SearchKind.story.rawValue)
    #expect(filter >> bits == 0b10)
  }
}
