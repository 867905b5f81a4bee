import Testing

@testable import SOPKit

/// Footnotes compared, element by element, with `cmark-gfm --extension footnotes`.
@Suite struct FootnoteTests {
  static let examples = [
    "Text[^1] and more[^note] again[^1].\n\n[^1]: The *first* note.\n[^note]: Second\n  continued.\n\n[^unused]: x\n",
    "A claim.[^source]\n\n## Next\n\nMore text.\n\n[^source]: Written by the [Safety House](https://example.org/house) team.\n",
    "No note here[^missing], and [^ spaced] stays.\n",
    "- item with a note[^a]\n\n> quoted[^b]\n\n[^a]: Note A.\n\n[^b]: Note B with `code`.\n",
    "One-word note[^w].\n\n[^w]: word\n",
  ]

  @Test(arguments: examples) func matchesCmarkGFM(_ markdown: String) {
    ReferenceMarkdown.expectSameElements(markdown, extensions: ["footnotes"])
  }

  @Test func linksInNotesAreCheckedAndNotesGoLast() {
    var diagnostics = DiagnosticCollector()
    let markdown = "Text[^1].\n\n[^1]: See [gone](missing.md).\n\nLast paragraph.\n"
    let file = SourceFile(path: "Content/guides/a.md", text: markdown)
    let parsed = MarkdownParser(allowRawHTML: false).parse(
      markdown[...], file: file, firstLine: 1, diagnostics: &diagnostics)
    let inventory = LinkResolver.Inventory(pages: ["guides/a.md": "guides/a.html"], skippedPages: [], files: [])
    let resolver = LinkResolver(inventory: inventory, sourcePath: "guides/a.md", outputPath: "guides/a.html")
    let rendered = resolver.resolve(parsed, diagnostics: &diagnostics)
    #expect(diagnostics.diagnostics.map(\.location.line) == [3])
    let html = rendered.html
    let section = html.range(of: "<section class=\"footnotes\"")
    let last = html.range(of: "Last paragraph.")
    #expect(section != nil && last != nil && last!.lowerBound < section!.lowerBound)
  }
}
