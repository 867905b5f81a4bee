import Testing

@testable import SOPKit

/// Strikethrough and `www.` autolinks compared, element by element, with cmark-gfm. cmark-gfm's autolink extension
/// also links bare `http://` and e-mail addresses, which sopkit leaves as text (CommonMark's spec says a bare
/// `http://` address is text): inputs with those are not compared.
@Suite struct GFMInlineTests {
  static let own = [
    "~~Hi~~ Hello, ~there~ world!\n",
    "This ~~has a\n\nnew paragraph~~.\n",
    "a ~~*emph* and `code`~~ b, ~~~three~~~ stays, ~~unclosed\n",
    "Visit www.cdss.ca.gov/sop or www.example.org/a_(b)?q=1. Also (www.example.org/x).\n",
    "Not www.x or www; but www.commonmark.org/he<lp and www.a.example.org/x&hl; and www.b.org/a&b\n",
    "[a link www.example.org](https://example.org) and `www.code.org` and <https://x.org>\n",
    "| a |\n| - |\n| ~~old~~ www.example.org |\n",
    "Safety — ~~“quoted”~~ done.\n",
  ]

  func compare(_ markdown: String) {
    ReferenceMarkdown.expectSameElements(markdown, extensions: ["table", "strikethrough", "autolink"])
  }

  @Test func matchesCmarkGFMOnGFMsStrikethroughExamples() throws {
    let examples = try #require(ReferenceMarkdown.goldmarkExamples("extension/_test/strikethrough.txt"))
    #expect(!examples.isEmpty)
    for example in examples { compare(example) }
  }

  @Test(arguments: own) func matchesCmarkGFM(_ markdown: String) { compare(markdown) }

  @Test func matchesCmarkGFMOnGFMsWWWAutolinkExamples() throws {
    let examples = try #require(ReferenceMarkdown.goldmarkExamples("extension/_test/linkify.txt"))
    let compared = examples.filter { !$0.contains("@") && !$0.contains("://") }
    #expect(compared.count >= 3)
    for example in compared { compare(example) }
  }
}
