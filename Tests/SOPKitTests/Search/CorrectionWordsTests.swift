import Foundation
import Testing

@testable import SOPKit

/// The words a misspelt query word may be corrected to: grouped by first letter, most common first, letters only.
struct CorrectionWordsTests {
  @Test func wordsAreGroupedByFirstLetterMostCommonFirst() {
    let words = [("safety", 0), ("safe", 1), ("after", 2), ("sat", 3), ("no", 4), ("2024", 5), ("covid19", 6)]
    let corrections = CorrectionWords(words.map { (word: $0.0, term: $0.1) }, documentCounts: [5, 9, 1, 2, 7, 7, 7])
    #expect(corrections.groups.map(\.letter) == ["a", "s"])
    #expect(corrections.groups.map(\.words) == [["after"], ["safe", "safety", "sat"]])
  }

  @Test func theIndexListsEachGroupsLetterAndWritesItsWords() throws {
    let builder = SearchIndexBuilderTests()
    let files = builder.indexFiles([
      SearchDocument(
        path: "a.html", title: "Safety networks", kind: .guide, summary: "",
        sections: [SearchDocument.Section(id: "", heading: "", text: "Niño and safety")])
    ])
    let indexFile = try #require(files.first { $0.path == "search/index.js" })
    let index = try #require(try builder.json(indexFile) as? [String: Any])
    #expect(index["wordShards"] as? [String] == ["a", "n", "s"])
    func text(_ path: String) -> String {
      guard case .bytes(let data)? = files.first(where: { $0.path == path })?.contents else { return "" }
      return String(decoding: data, as: UTF8.self)
    }
    #expect(text("search/words-1.js").contains("{\"words\":[\"networks\",\"nino\"]}"))
    #expect(text("search/words-2.js").contains("\"safety\""))
  }
}
