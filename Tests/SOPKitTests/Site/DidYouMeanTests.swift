import Testing

@testable import SOPKit

/// Suggestions for a mistyped id: near by edit distance, near word by word, or the list of every id.
@Suite struct DidYouMeanTests {
  static let topics = ["three-houses", "safety-planning", "supervision-and-coaching", "safety-networks"]

  @Test(arguments: [
    ("three-house", "three-houses"),
    ("supervison", "supervision-and-coaching"),
    ("safty-plan", "safety-planning"),
    ("supervision", "supervision-and-coaching"),
    ("networks", "safety-networks"),
  ])
  func suggestsAnIdNearTheWholeWordOrWordByWord(typed: String, expected: String) {
    #expect(DidYouMean.suggestion(for: typed, among: Self.topics) == expected)
  }

  @Test func suggestsNothingForAWordNearNoId() {
    #expect(DidYouMean.suggestion(for: "parenting", among: Self.topics) == nil)
    #expect(DidYouMean.suggestion(for: "zzz", among: Self.topics) == nil)
  }

  @Test func listsEveryIdWhenNoneIsNear() {
    #expect(
      DidYouMean.unknownID("supervison", kind: "topic", among: Self.topics, listedIn: "Content/site.yaml")
        == "unknown topic 'supervison' (did you mean 'supervision-and-coaching'?); the topics are listed in Content/site.yaml"
    )
    #expect(
      DidYouMean.unknownID("parenting", kind: "topic", among: Self.topics, listedIn: "Content/site.yaml")
        == "unknown topic 'parenting'; the topics in Content/site.yaml are: three-houses, safety-planning, supervision-and-coaching, safety-networks"
    )
  }
}
