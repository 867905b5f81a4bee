import Foundation
import Mustache
import Testing

@testable import SOPKit

/// The three things sopkit adds to swift-mustache for speed: its own HTML escaping, interface words written
/// into the templates, and guide cards rendered once; each must render exactly what swift-mustache alone would.
@Suite struct TemplateRenderingTests {
  static let awkwardText = [
    "", "plain", "Tom & Jerry's <b>\"quote\"</b>", "café ñandú", "👩🏽‍⚕️ & e\u{301}", "<<&&>>''\"\"", "a\r\nb<",
  ]

  @Test(arguments: awkwardText)
  func escapesAsSwiftMustacheDoes(text: String) throws {
    let ownEscaping = try MustacheTemplate(string: "{{value}}").render(["value": text])
    #expect(HTMLEscaping().escapeText(text) == ownEscaping)
  }

  @Test func templatesUseTheOwnEscapingAndKeepTheirLineNumbers() throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    try site.write("{{#section}}", to: "Templates/partials/broken.mustache")
    let lines = site.failure()
    #expect(lines.contains { $0.hasPrefix("Templates/partials/broken.mustache:1:") }, "\(lines)")
  }

  static let words = [
    "search": "Search & find", "blank": "  ", "empty": "", "braces": "{{x}}", "break": "one\ntwo",
    "quote": "Don't",
  ]
  static let values = Dictionary(uniqueKeysWithValues: words.map { ("t.\($0.key)", $0.value) }).merging(["root": "../"])
  { $1 }

  @Test func foldsEachWordEscapedOrRaw() {
    let folded = FoldedValues.fold(
      "<b>{{t.search}}</b> {{{t.search}}} {{ t.quote }} {{t.missing}}", values: Self.values)
    #expect(folded == "<b>Search &amp; find</b> Search & find Don&#39;t {{t.missing}}")
  }

  @Test(arguments: ["blank", "empty", "braces", "break"])
  func keepsTheTagWhereTheWordCouldChangeTheTemplate(key: String) {
    let template = "{{t.\(key)}}\n{{#x}}\n"
    #expect(FoldedValues.fold(template, values: Self.values) == template)
  }

  @Test func leavesTemplatesThatChangeTheirDelimiters() {
    let template = "{{=<% %>=}}<%t.search%> {{t.search}}"
    #expect(FoldedValues.fold(template, values: Self.values) == template)
  }

  @Test func foldedTemplatesRenderWhatTheWrittenOnesDo() throws {
    let template = """
      <h1>{{t.search}}</h1>
        {{t.blank}}
      {{#items}}
      <li><a href="{{root}}{{href}}">{{t.quote}} {{name}}</a>{{^last()}},{{/last()}}</li>
      {{/items}}
      {{{t.search}}}{{t.braces}}
      """
    let context: [String: Any] = [
      "t": Self.words, "root": "../", "items": [["name": "a<b", "href": "x.html"], ["name": "c", "href": "y.html"]],
    ]
    let folded = FoldedValues.fold(template, values: Self.values)
    #expect(folded != template)
    let written = try MustacheTemplate(string: HTMLEscaping.pragma + template).render(context)
    #expect(try MustacheTemplate(string: HTMLEscaping.pragma + folded).render(context) == written)
  }

  @Test func makesEachItemAndPartialOnce() throws {
    let library = MustacheLibrary(templates: [
      "partials/guide-card": try MustacheTemplate(string: "<li>{{title}}</li>"),
      "partials/guide-link": try MustacheTemplate(string: "<a>{{title}}</a>"),
    ])
    let items = GuideItems(library: library)
    var made = 0
    let first = items.partials(key: "a") {
      made += 1
      return ["title": "A & B"]
    }
    let again = items.partials(key: "a") {
      made += 1
      return ["title": "changed"]
    }
    #expect(first == ["card": "<li>A &amp; B</li>", "link": "<a>A &amp; B</a>"] && again == first && made == 1)
    let item = items.item(key: "x") { ["title": "X"] }
    let sameItem = items.item(key: "x") { ["title": "changed"] }
    #expect(item["title"] as? String == "X" && sameItem["title"] as? String == "X")
    #expect(GuideItems(library: MustacheLibrary()).partials(key: "a") { [:] }.isEmpty)
    let onlyLinks = MustacheLibrary(templates: ["partials/guide-link": try MustacheTemplate(string: "{{title}}")])
    #expect(GuideItems(library: onlyLinks).partials(key: "a") { ["title": "T"] } == ["link": "T"])
  }

  @Test func relatedGuidesShowEachGuidesLinkPartial() throws {
    let site = try TemporarySite([
      "Content/guides/one.md": TemporarySite.guide("One & only", extra: "topics: [three-houses]\n"),
      "Content/guides/two.md": TemporarySite.guide("Two <b>", extra: "topics: [three-houses]\n"),
    ])
    defer { site.remove() }
    _ = try site.build()
    #expect(try site.output("guides/one.html").contains("<li><a href=\"../guides/two.html\">Two &lt;b&gt;</a></li>"))
    #expect(try site.output("guides/two.html").contains("<li><a href=\"../guides/one.html\">One &amp; only</a></li>"))
  }

  @Test func listsShowTheSameCardsAsTheGuidesOwnValues() throws {
    let site = try TemporarySite([
      "Content/guides/one.md": TemporarySite.guide("One & only", roles: "[leaders, line-staff]"),
      "Content/guides/two.md": TemporarySite.guide("Two <b>", extra: "topics: [three-houses]\n"),
    ])
    defer { site.remove() }
    _ = try site.build()
    for page in ["roles/leaders.html", "roles/line-staff.html", "guides/index.html", "topics/three-houses.html"] {
      let html = try site.output(page)
      #expect(html.contains("<li class=\"card\">"), "\(page)")
    }
    let lineStaff = try site.output("roles/line-staff.html")
    #expect(lineStaff.contains(">One &amp; only</a>") && lineStaff.contains(">Two &lt;b&gt;</a>"))
    #expect(lineStaff.contains("href=\"../guides/one.html\"") && lineStaff.contains("<p>About Two &lt;b&gt;.</p>"))
    #expect(lineStaff.contains("<span class=\"badge\">Leaders</span> <span class=\"badge\">Line staff</span>"))
  }
}
