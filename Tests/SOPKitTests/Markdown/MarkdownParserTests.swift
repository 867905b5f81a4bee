import CCmark
import Foundation
import Testing

@testable import SOPKit

/// A body parsed in Load and its links resolved in Assemble: what a page's Markdown becomes.
@Suite struct MarkdownParserTests {
  let inventory = LinkResolver.Inventory(
    pages: [
      "guides/a.md": "guides/a.html", "guides/safety-house.md": "guides/safety-house.html",
      "stories/x.md": "stories/x.html", "pages/about.md": "about.html",
    ],
    skippedPages: ["guides/draft.md"], files: ["guides/images/house.svg", "three-houses/sheet.pdf"])

  func render(_ markdown: String, allowRawHTML: Bool = false) -> (RenderedMarkdown, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    let file = SourceFile(path: "Content/guides/a.md", text: markdown)
    let parsed = MarkdownParser(allowRawHTML: allowRawHTML).parse(
      markdown[...], file: file, firstLine: 1, diagnostics: &diagnostics)
    let resolver = LinkResolver(inventory: inventory, sourcePath: "guides/a.md", outputPath: "guides/a.html")
    return (resolver.resolve(parsed, diagnostics: &diagnostics), diagnostics.diagnostics)
  }

  @Test func givesHeadingsStableUniqueIds() {
    let (rendered, _) = render("## How to do it\n\n## How to do it\n\n### Tips & tricks!\n")
    #expect(rendered.headings.map(\.id) == ["how-to-do-it", "how-to-do-it-1", "tips--tricks"])
    #expect(rendered.html.contains("<h2 id=\"how-to-do-it\">"))
    #expect(rendered.html.contains("<h3 id=\"tips--tricks\">"))
  }

  /// The anchors GitHub gives the same headings, so links copied from GitHub's view of a file work.
  @Test func makesAnchorsAsGitHubDoes() {
    let (rendered, _) = render(
      """
      ## Where's the `?` Operator?
      ## Cómo empezar: la Casa de Tres
      ## Harm & Danger -- Statements
      ## Safety — typed as a dash
      ## snake_case and 2nd step
      ## Σχέδιο ασφαλείας
      ## Where's the `?` Operator?
      ## Where's the `?` Operator?
      ## 🎉
      """)
    #expect(
      rendered.headings.map(\.id) == [
        "wheres-the--operator", "cómo-empezar-la-casa-de-tres", "harm--danger----statements", "safety--typed-as-a-dash",
        "snake_case-and-2nd-step", "σχέδιο-ασφαλείας", "wheres-the--operator-1", "wheres-the--operator-2",
        "section",
      ])
  }

  @Test func headingsNeverTakeTemplateIds() {
    let (rendered, _) = render("## Main\n\n## Search results\n\n## sk-toc-title\n")
    #expect(rendered.headings.map(\.id) == ["main-1", "search-results-1", "sk-toc-title-1"])
  }

  @Test func shiftsHeadingsWhenTheBodyHasAnH1() {
    let (rendered, _) = render("# Top\n\n## Next\n")
    #expect(rendered.headings.map(\.level) == [2, 3])
    #expect(!rendered.html.contains("<h1"))
  }

  @Test func rewritesMarkdownLinksToRelativeHTML() {
    let (rendered, diagnostics) = render(
      "[a](safety-house.md#how) [b](../stories/x.md) [c](../pages/about.md) [d](#local) [e](images/house.svg)")
    #expect(diagnostics.isEmpty)
    #expect(rendered.html.contains("href=\"safety-house.html#how\""))
    #expect(rendered.html.contains("href=\"../stories/x.html\""))
    #expect(rendered.html.contains("href=\"../about.html\""))
    #expect(rendered.html.contains("href=\"#local\""))
    #expect(rendered.html.contains("href=\"images/house.svg\""))
    #expect(rendered.files == ["guides/images/house.svg"])
    #expect(
      rendered.pageLinks.map(\.target) == ["guides/safety-house.html", "stories/x.html", "about.html", "guides/a.html"])
    #expect(rendered.pageLinks.first?.fragment == "how")
  }

  @Test func resolvesPathsFromTheContentRootAsAFallback() {
    let (rendered, diagnostics) = render("[sheet](three-houses/sheet.pdf)")
    #expect(diagnostics.isEmpty)
    #expect(rendered.html.contains("href=\"../three-houses/sheet.pdf\""))
  }

  @Test func reportsMissingPagesAndDrafts() {
    let (_, diagnostics) = render("Text\n\n[x](safety-hose.md)\n\n[y](draft.md)\n")
    #expect(
      diagnostics.map(\.description) == [
        "Content/guides/a.md:3:1: error: the link 'safety-hose.md' leads to 'Content/guides/safety-hose.md', which does not exist (did you mean 'guides/safety-house.md'?)",
        "Content/guides/a.md:5:1: error: the link 'draft.md' leads to a draft, which is built only with --drafts",
      ])
  }

  @Test func dropsScriptLinksAndRawHTMLBySafeDefault() {
    let (rendered, diagnostics) = render(
      "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html;base64,xx) [v](vbscript:x)\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n"
    )
    #expect(!rendered.html.lowercased().contains("javascript:"))
    #expect(!rendered.html.contains("data:"))
    #expect(!rendered.html.contains("vbscript:"))
    #expect(!rendered.html.contains("<script"))
    #expect(!rendered.html.contains("onerror"))
    #expect(rendered.html.contains("x y z v"))
    #expect(diagnostics.filter { $0.severity == .warning }.count == 6)
  }

  @Test func letsRawHTMLThroughWhenAllowed() {
    let (rendered, _) = render("<div class=\"note\">Hi</div>\n", allowRawHTML: true)
    #expect(rendered.html.contains("<div class=\"note\">Hi</div>"))
  }

  @Test func warnsAboutImagesWithoutAltText() {
    let (_, diagnostics) = render("![](images/house.svg)\n")
    #expect(
      diagnostics.map(\.message) == [
        "the image 'images/house.svg' has no alt text: describe it between the brackets, ![like this](images/house.svg)"
      ])
  }

  @Test func collectsPlainTextBySection() {
    let (rendered, _) = render("Intro *words*.\n\n## Safety House\n\nDraw `a` house.\n\n- one\n- two\n")
    #expect(rendered.sections.map(\.text) == ["Intro words.", "Draw a house. one two"])
    #expect(rendered.sections.last?.heading?.id == "safety-house")
  }

  @Test func usesSmartPunctuation() {
    let (rendered, _) = render("\"Quoted\" -- it's\n")
    #expect(rendered.html.contains("“Quoted”"))
  }

  @Test func filledLinksReadAsCmarkWritesTheSameAddresses() {
    let (rendered, diagnostics) = render(
      "[a](safety-house.md?q=1&r='2'%20\u{E9}<x> \"Title\") and ![pic](images/house.svg \"P\") [c](#a%20b)\n")
    let expected =
      "[a](<safety-house.html?q=1&r='2'%20\u{E9}\\<x\\>> \"Title\") and ![pic](images/house.svg \"P\") [c](#a%20b)\n"
      .withCString { text in
        let html = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_SMART)!
        defer { free(html) }
        return String(cString: html)
      }
    #expect(diagnostics.isEmpty)
    #expect(rendered.html == expected)
  }
}
