import Foundation
import Testing

@testable import SOPKit

/// Story categories from site.yaml: a page and an Atom feed per category, newest first; a category naming none
/// is a warning with "did you mean"; a site without the list keeps free-text categories.
@Suite struct StoryCategoryTests {
  static let categories = """

    languages:
      - id: es
        name: Español
    categories:
      - id: stories-from-the-field
        name: Stories from the Field
        description: How counties put SOP to work.
        translations:
          es:
            name: Historias desde el terreno
      - id: tools-from-the-kit
        name: Tools from the Kit
        description: Tools counties made.
    """

  static func story(_ slug: String, date: String, category: String) -> (String, String) {
    (
      "Content/stories/\(slug).md",
      "---\ntitle: \(slug)\ndate: \(date)\nsummary: About \(slug).\ncategory: \(category)\n---\nText of \(slug).\n"
    )
  }

  static func site(settings: String = categories, _ stories: [(String, String)]) throws -> TemporarySite {
    var files = Dictionary(uniqueKeysWithValues: stories)
    files["Content/site.yaml"] = TemporarySite.siteYAML + settings
    return try TemporarySite(files)
  }

  @Test func eachCategoryHasAPageAndAFeedNewestFirst() throws {
    let site = try Self.site([
      Self.story("old", date: "2020-01-01", category: "stories-from-the-field"),
      Self.story("new", date: "2024-01-01", category: "Stories from the Field"),
      Self.story("spanish", date: "2022-01-01", category: "historias desde el terreno"),
      Self.story("tool", date: "2023-01-01", category: "Tools from the Kit"),
      ("Content/stories/old.es.md", "---\ntitle: Viejo\nsummary: Sobre lo viejo.\n---\nTexto.\n"),
    ])
    defer { site.remove() }
    let report = try site.build()
    #expect(report.warnings.filter { !$0.message.contains("strings file") }.isEmpty, "\(report.warnings)")
    let page = try site.output("categories/stories-from-the-field.html")
    let order = ["new", "spanish", "old"].map { page.range(of: "stories/\($0).html")?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    #expect(!page.contains("stories/tool.html"))
    #expect(page.contains("href=\"../categories/stories-from-the-field.xml\""))
    let feed = try site.output("categories/stories-from-the-field.xml")
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
    #expect(!feed.contains("stories/tool.html"))
    let index = try site.output("stories/index.html")
    #expect(index.contains("href=\"../categories/tools-from-the-kit.html\""))
    #expect(try site.output("stories/tool.html").contains("href=\"../categories/tools-from-the-kit.html\""))
    #expect(try site.output("es/categories/stories-from-the-field.html").contains("Historias desde el terreno"))
    #expect(try site.output("es/stories/old.html").contains(">Historias desde el terreno</a>"))
  }

  @Test func aCategoryNamingNoneIsAWarningWithDidYouMean() throws {
    let site = try Self.site([Self.story("s", date: "2024-01-01", category: "Tools from the Kt")])
    defer { site.remove() }
    let warnings = try site.build().warnings.map(\.description)
    #expect(
      warnings.contains {
        $0.hasPrefix(
          "Content/stories/s.md:5:11: warning: the category 'Tools from the Kt' is none of the categories in Content/site.yaml (did you mean 'Tools from the Kit'?)"
        )
      }, "\(warnings)")
    #expect(!(try site.output("categories/tools-from-the-kit.html")).contains("stories/s.html"))
  }

  @Test func aSiteWithoutTheListKeepsFreeTextCategories() throws {
    let site = try Self.site(settings: "", [Self.story("s", date: "2024-01-01", category: "Anything at all")])
    defer { site.remove() }
    #expect(try site.build().warnings.isEmpty)
    #expect(try site.output("stories/s.html").contains("Anything at all"))
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/categories").path))
  }
}
