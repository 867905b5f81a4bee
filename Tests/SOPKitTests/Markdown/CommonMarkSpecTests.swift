import Foundation
import Testing

@testable import SOPKit

/// sopkit's extensions leave CommonMark alone: every example of the CommonMark spec renders exactly as `cmark`
/// renders it.
@Suite struct CommonMarkSpecTests {
  @Test func everySpecExampleRendersAsCmarkRendersIt() throws {
    let path = ReferenceMarkdown.goldmark + "/_test/spec.json"
    let data = try #require(
      FileManager.default.contents(atPath: path), "golang-github-yuin-goldmark-dev is missing: run .ci/install")
    let examples = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(examples.count > 600)
    var differing: [Int] = []
    for example in examples {
      guard let markdown = example["markdown"] as? String, let number = example["example"] as? Int else { continue }
      guard let reference = ReferenceMarkdown.cmark(markdown) else {
        Issue.record("cmark is missing: run .ci/install")
        return
      }
      if ReferenceMarkdown.sopkit(markdown) != reference { differing.append(number) }
    }
    #expect(differing.isEmpty, "examples rendered differently from cmark: \(differing)")
  }
}
