import Foundation
import Testing

@testable import SOPKit

/// The Swift stemmers against the fixtures the JavaScript stemmers are tested with (Tests/Fixtures/stemmer).
struct StemmerFixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/stemmer")

  @Test(arguments: [("english", 3000), ("spanish", 5000)])
  func matchesSnowballOnEveryFixtureWord(_ language: String, atLeast: Int) throws {
    let stemmer: any Stemmer = language == "english" ? EnglishStemmer() : SpanishStemmer()
    let lines = try String(contentsOf: Self.fixtures.appendingPathComponent("\(language).tsv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(lines.count > atLeast)
    let wrong = lines.compactMap { line -> String? in
      let parts = line.split(separator: "\t").map(String.init)
      let actual = stemmer.stem(parts[0])
      return actual == parts[1] ? nil : "\(parts[0]): \(actual) (expected \(parts[1]))"
    }
    #expect(Array(wrong.prefix(20)) == [])
  }

  @Test func spanishPluralsAndAccentsMeetTheirSingularAndPlainSpelling() {
    let stemmer = SpanishStemmer()
    #expect(stemmer.stem("familias") == stemmer.stem("familia"))
    #expect(stemmer.stem("casas") == stemmer.stem("casa"))
    #expect(stemmer.stem("información") == stemmer.stem("informacion"))
  }
}
