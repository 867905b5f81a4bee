import Foundation
import Testing

@testable import SOPKit

/// The Swift Spanish stemmer against the fixture the JavaScript stemmer is tested with.
struct SpanishStemmerTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/stemmer/spanish.tsv")

  @Test func matchesSnowballOnEveryFixtureWord() throws {
    let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
    #expect(lines.count > 5000)
    let stemmer = SpanishStemmer()
    let wrong = lines.compactMap { line -> String? in
      let parts = line.split(separator: "\t").map(String.init)
      let actual = stemmer.stem(parts[0])
      return actual == parts[1] ? nil : "\(parts[0]): \(actual) (expected \(parts[1]))"
    }
    #expect(Array(wrong.prefix(20)) == [])
  }

  @Test func pluralsAndAccentsMeetTheirSingularAndPlainSpelling() {
    let stemmer = SpanishStemmer()
    #expect(stemmer.stem("familias") == stemmer.stem("familia"))
    #expect(stemmer.stem("casas") == stemmer.stem("casa"))
    #expect(stemmer.stem("información") == stemmer.stem("informacion"))
  }
}
