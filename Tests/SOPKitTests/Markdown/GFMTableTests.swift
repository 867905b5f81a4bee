import Testing

@testable import SOPKit

/// Tables compared, element by element, with `cmark-gfm --extension table --extension strikethrough`.
@Suite struct GFMTableTests {
  /// Tables of our own, for what the GFM spec's examples leave out: tables in containers, what ends a table,
  /// cells with links, references, code, escapes and other scripts.
  static let ownTables = [
    "Some text before\n| a | b |\n| - | :-: |\n| 1 | 2 |\n",
    "| Worried about | Working well | Needs to happen |\n|:--|:--:|--:|\n| *Dad* drinks | `Grandma` visits | [plan](https://example.org) |\n| ragged |\n| too | many | cells | here |\n",
    "- item\n- | a | b |\n  | - | - |\n  | 1 | 2 |\n- next\n",
    "> | a | b |\n> | - | - |\n> | 1 | 2 |\n",
    "> | a |\n> | - |\n| lazy |\n",
    "| a |\n| - |\n| 1 |\n---\n",
    "| a |\n| - |\n| 1 |\n===\n",
    "| a |\n| - |\n| 1 |\n    code\n",
    "| a |\n| - |\n| 1 |\n2. two\n",
    "| a | b |\n| - | - |\n||\n|\nafter\n",
    "| [ref] | b \\| c |\n| --- | --- |\n| `x \\| y` | \\\\|z |\n\n[ref]: https://example.org/ref\n",
    "a\n:--\nb\n",
    "| Peligro | Daño |\n| --- | --- |\n| niño | señal |\n",
    "| a | b |\n| --- | --- |\n| <b>raw</b> | &amp; &copy; |\n",
    "| a |\n| --- |\n| ~~x~~ ***y*** _z_ |\n\nparagraph after\n",
    "| a | b |\n| --- |\n| 1 | 2 |\n",
    "1. | a |\n   | - |\n   | b |\n\n   more\n",
    "- | a |\n  | - |\n| lazy |\n",
    "> > | a |\n> > | - |\n> | lazy |\n",
  ]

  func compare(_ markdown: String) {
    ReferenceMarkdown.expectSameElements(markdown, extensions: ["table", "strikethrough"])
  }

  @Test func matchesCmarkGFMOnTheSpecsTableExamples() throws {
    let examples = try #require(
      ReferenceMarkdown.goldmarkExamples("extension/_test/table.txt"),
      "golang-github-yuin-goldmark-dev is missing: run .ci/install")
    #expect(examples.count >= 8)
    for example in examples { compare(example) }
  }

  @Test(arguments: ownTables) func matchesCmarkGFMOnOwnTables(_ markdown: String) {
    compare(markdown)
  }

  @Test func marksHeaderCellsAsColumnHeadersAndScrollsInItsOwnBox() {
    let html = ReferenceMarkdown.sopkit("| a | b |\n| :-: | -: |\n| 1 | 2 |\n")
    #expect(html.contains("<div class=\"table-scroll\" tabindex=\"0\">\n<table>"))
    #expect(html.contains("<th scope=\"col\" class=\"align-center\">a</th>"))
    #expect(html.contains("<td class=\"align-right\">2</td>"))
  }

  @Test func takesACaptionFromATableLine() {
    let separate = ReferenceMarkdown.sopkit("Table: Safety map for *the* family\n\n| a |\n| - |\n| 1 |\n")
    #expect(separate.contains("<caption>Safety map for <em>the</em> family</caption>"))
    #expect(!separate.contains("<p>Table:"))
    let joined = ReferenceMarkdown.sopkit("Intro\nTable: Scaling\n| a |\n| - |\n")
    #expect(joined.contains("<p>Intro</p>"))
    #expect(joined.contains("<caption>Scaling</caption>"))
  }

  @Test func checksLinksInCellsAtTheirLine() {
    var diagnostics = DiagnosticCollector()
    let markdown = "Intro\n\n| a | b |\n| - | - |\n| ok | [gone](missing.md) |\n"
    let file = SourceFile(path: "Content/guides/a.md", text: markdown)
    let inventory = LinkResolver.Inventory(pages: ["guides/a.md": "guides/a.html"], skippedPages: [], files: [])
    let parsed = MarkdownParser(allowRawHTML: false).parse(
      markdown[...], file: file, firstLine: 1, diagnostics: &diagnostics)
    let resolver = LinkResolver(inventory: inventory, sourcePath: "guides/a.md", outputPath: "guides/a.html")
    let rendered = resolver.resolve(parsed, diagnostics: &diagnostics)
    #expect(rendered.html.contains("<td>ok</td><td>"))
    #expect(diagnostics.diagnostics.count == 1)
    let problem = diagnostics.diagnostics.first
    #expect(problem?.message.contains("missing.md") == true)
    #expect(problem?.location.line == 5)
    #expect(rendered.sections.map(\.text).joined().contains("ok gone"))
  }
}
