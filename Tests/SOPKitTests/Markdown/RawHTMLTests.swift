import Testing

@testable import SOPKit

/// Raw HTML let through (its ids are anchors, its links and images checked and copied) or left out (nothing
/// empty left behind, one warning per block at the line of its HTML).
@Suite struct RawHTMLTests {
  let inventory = LinkResolver.Inventory(
    pages: ["guides/a.md": "guides/a.html", "guides/safety-house.md": "guides/safety-house.html"],
    skippedPages: [], files: ["guides/images/house.svg"])

  func render(_ markdown: String, allowRawHTML: Bool) -> (ParsedMarkdown, RenderedMarkdown, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    let file = SourceFile(path: "Content/guides/a.md", text: markdown)
    let parsed = MarkdownParser(allowRawHTML: allowRawHTML).parse(
      markdown[...], file: file, firstLine: 1, diagnostics: &diagnostics)
    let resolver = LinkResolver(inventory: inventory, sourcePath: "guides/a.md", outputPath: "guides/a.html")
    return (parsed, resolver.resolve(parsed, diagnostics: &diagnostics), diagnostics.diagnostics)
  }

  @Test func idsInAllowedRawHTMLAreAnchors() {
    let (parsed, rendered, _) = render(
      "<a id=\"ch01-install\"></a>\n\n## Install\n\nText <span id='inline'>x</span>.\n", allowRawHTML: true)
    #expect(parsed.htmlAnchors == ["ch01-install", "inline"])
    #expect(rendered.htmlAnchors == ["ch01-install", "inline"])
  }

  @Test func linksAndImagesInAllowedRawHTMLAreCheckedAndCopied() {
    let markdown = """
      <img src="images/house.svg" alt="A house">

      Para <a href = 'safety-house.md#rooms'>rooms</a> and <a href="https://example.org/a?b&amp;c">out</a>.

      <div>
      <img alt="gone"
           src="images/missing.png">
      </div>
      """
    let (_, rendered, diagnostics) = render(markdown, allowRawHTML: true)
    #expect(rendered.files == ["guides/images/house.svg"])
    #expect(rendered.html.contains("<img src=\"images/house.svg\" alt=\"A house\">"))
    #expect(rendered.html.contains("<a href =\"safety-house.html#rooms\">rooms</a>"))
    #expect(rendered.html.contains("<a href=\"https://example.org/a?b&amp;c\">out</a>"))
    #expect(rendered.pageLinks.map(\.target) == ["guides/safety-house.html"])
    #expect(rendered.pageLinks.first?.fragment == "rooms")
    let missing = diagnostics.filter { $0.message.contains("images/missing.png") }
    #expect(missing.count == 1)
    #expect(missing.first?.location.line == 7)
  }

  @Test func leftOutRawHTMLLeavesNothingEmptyAndIsReportedAtItsLine() {
    let markdown = """
      Text <span class="x">kept</span> here.

      <a id="one"></a> <a id="two"></a>

      Plain paragraph.

      <div class="box">
      Inside
      </div>

      More <b>bold</b> and <i>italic</i>.
      """
    let (_, rendered, diagnostics) = render(markdown, allowRawHTML: false)
    #expect(!rendered.html.contains("<p></p>"))
    #expect(!rendered.html.contains("<p> </p>"))
    #expect(rendered.html.contains("<p>Text kept here.</p>"))
    #expect(!rendered.html.contains("<span"))
    let warnings = diagnostics.filter { $0.message.contains("raw HTML") }
    #expect(warnings.map(\.location.line) == [1, 3, 7, 11])
    #expect(warnings.first?.message.contains("<span class=\"x\">") == true)
  }

  @Test func aFootnoteReferenceIsNotALink() {
    let markdown = """
      SipHash[^siphash] is used.

      [^siphash]: [https://en.wikipedia.org/wiki/SipHash](https://en.wikipedia.org/wiki/SipHash)
      """
    let (_, rendered, diagnostics) = render(markdown, allowRawHTML: false)
    #expect(diagnostics.isEmpty)
    #expect(rendered.html.contains("SipHash<sup class=\"footnote-ref\"><a href=\"#fn-siphash\""))
    #expect(rendered.html.contains("<li id=\"fn-siphash\">"))
    #expect(rendered.pageLinks.isEmpty)
  }
}
