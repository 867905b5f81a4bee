import Foundation
import Testing

@testable import SOPKit

/// A site in English and Spanish: where translations are written, what links, switchers, lists and search say.
@Suite struct TranslationTests {
  static let files: [String: String] = [
    "Content/site.yaml": """
    title: Test Toolkit
    description: A small site for tests.
    language: en
    languages:
      - id: es
        name: Español
        title: Kit de prueba
    roles:
      - id: leaders
        name: Leaders
        description: People who lead.
        translations:
          es: {name: Líderes}
      - id: line-staff
        name: Line staff
        description: People who visit families.
    topics:
      - id: three-houses
        name: Three Houses
        description: The Three Houses tool.
    """,
    "Content/guides/three-houses.md": TemporarySite.guide(
      "Three Houses", roles: "[leaders]", extra: "updated: 2024-03-01\n",
      body: "## How\n\nSee [the Safety House](safety-house.md) and [the map](mapping.md).\n"),
    "Content/guides/three-houses.es.md":
      "---\ntitle: Las Tres Casas\nsummary: Una herramienta para escuchar al niño.\nupdated: 2024-03-01\n---\n## Cómo\n\nVea [la Casa de la Seguridad](safety-house.md), [el mapa](mapping.md) y la información de las familias.\n",
    "Content/guides/safety-house.md": TemporarySite.guide(
      "Safety House", roles: "[leaders]", body: "## Draw it\n\nText.\n"),
    "Content/guides/safety-house.es.md":
      "---\ntitle: La Casa de la Seguridad\nsummary: Un dibujo.\n---\n## Dibujarla\n\nTexto.\n",
    "Content/guides/mapping.md": TemporarySite.guide("Safety Mapping", roles: "[leaders]"),
    "Content/pages/about.md": "---\ntitle: About SOP\norder: 1\n---\nAbout.\n",
  ]

  @Test func writesEachTranslationUnderItsLanguageWithEveryListPage() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    for path in [
      "es/index.html", "es/guides/index.html", "es/guides/three-houses.html", "es/guides/safety-house.html",
      "es/roles/leaders.html", "es/search.html", "es/contacts.html", "es/search/index.js", "search/index.js",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/\(path)").path), "\(path)")
    }
    for path in ["es/guides/mapping.html", "es/about.html", "es/stories/feed.xml"] {
      #expect(
        !FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/\(path)").path), "\(path)")
    }
    #expect(try LinkChecker.brokenLinks(in: site.root.appendingPathComponent("Output")) == [])
  }

  @Test func aTranslationLinksToTranslatedPagesAndOtherwiseToTheOriginal() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let page = try site.output("es/guides/three-houses.html")
    #expect(page.contains("<html lang=\"es\">"))
    #expect(page.contains("href=\"safety-house.html\">la Casa de la Seguridad</a>"))
    #expect(page.contains("href=\"../../guides/mapping.html\">el mapa</a>"))
    #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../../guides/three-houses.html\">"))
    #expect(page.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"three-houses.html\">"))
    #expect(page.contains("<a href=\"../../guides/three-houses.html\" hreflang=\"en\" lang=\"en\">English</a>"))
    #expect(page.contains("1 de marzo de 2024"))
  }

  @Test func theSwitcherOfAnUntranslatedPageLeadsToTheLanguagesHomeAndSaysSo() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let page = try site.output("guides/mapping.html")
    #expect(
      page.contains(
        "<a href=\"../es/index.html\" hreflang=\"es\" lang=\"es\">Español</a> <span class=\"language-switcher__note\" lang=\"es\">("
      ))
    #expect(!page.contains("hreflang=\"es\" href="))
    let translated = try site.output("guides/three-houses.html")
    #expect(
      translated.contains("<a href=\"../es/guides/three-houses.html\" hreflang=\"es\" lang=\"es\">Español</a></li>"))
  }

  @Test func spanishListsNameEnglishOnlyGuidesMarkedWithTheirLanguage() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let role = try site.output("es/roles/leaders.html")
    #expect(role.contains("<h1>Para Líderes</h1>"))
    #expect(role.contains("<a href=\"../guides/three-houses.html\">Las Tres Casas</a>"))
    #expect(
      role.contains(
        "<a href=\"../../guides/mapping.html\" hreflang=\"en\" lang=\"en\">Safety Mapping</a> <span class=\"card__language\">(solo en inglés)</span>"
      ))
    let nav = try site.output("es/index.html")
    #expect(nav.contains("<a href=\"../about.html\" hreflang=\"en\" lang=\"en\">About SOP</a>"))
    #expect(nav.contains("Kit de prueba</title>"))
  }

  @Test func eachLanguageHasItsOwnSearchIndexAndAPageIsFoundOnceInTheReadersLanguage() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let spanishDocs = try site.searchRecords("es/search")
    #expect(spanishDocs.contains("\"es/guides/three-houses.html\",\"Las Tres Casas\""))
    #expect(!spanishDocs.contains("\"guides/three-houses.html\""))
    #expect(spanishDocs.contains("\"guides/mapping.html\",\"Safety Mapping\""))
    #expect(spanishDocs.contains(",\"en\",0]"))
    let english = try site.searchRecords("search")
    #expect(!english.contains("es/guides"))
    let index = try site.output("es/search/index.js")
    #expect(index.contains("\"stemmer\":\"es\""))
    let terms = try site.output("es/search/terms-0.js")
    // "casas" is stemmed to "cas"; "información" is indexed under "inform".
    #expect(terms.contains("\"cas\""))
    #expect(terms.contains("\"inform\""))
  }

  @Test func aOneLanguageSiteHasNoSwitcherNorAlternates() throws {
    var files = Self.files
    files["Content/site.yaml"] = TemporarySite.siteYAML
    files = files.filter { !$0.key.hasSuffix(".es.md") }
    let site = try TemporarySite(files)
    defer { site.remove() }
    _ = try site.build()
    let page = try site.output("guides/three-houses.html")
    #expect(!page.contains("language-switcher"))
    #expect(!page.contains("hreflang"))
    #expect(!page.contains("data-index"))
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/es").path))
  }

  @Test func theSitemapListsEveryLanguageWithAlternates() throws {
    var files = Self.files
    files["Content/site.yaml"] = files["Content/site.yaml"]! + "\nurl: https://sop.example.org/\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    _ = try site.build()
    let sitemap = try site.output("sitemap.xml")
    #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
    #expect(
      sitemap.contains(
        "<url><loc>https://sop.example.org/es/guides/three-houses.html</loc><lastmod>2024-03-01</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://sop.example.org/guides/three-houses.html\"/><xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://sop.example.org/es/guides/three-houses.html\"/></url>"
      ))
    #expect(
      sitemap.contains(
        "<loc>https://sop.example.org/guides/mapping.html</loc><xhtml:link rel=\"alternate\" hreflang=\"en\""))
    #expect(!sitemap.contains("es/guides/mapping.html"))
  }

  @Test func theFeedCarriesTranslatedStoriesMarkedWithTheirLanguage() throws {
    var files = Self.files
    files["Content/stories/tulare.md"] =
      "---\ntitle: Tulare\ndate: 2022-05-10\nsummary: A story.\ncounty: Tulare\n---\nStory.\n"
    files["Content/stories/tulare.es.md"] = "---\ntitle: Tulare en español\nsummary: Una historia.\n---\nHistoria.\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    _ = try site.build()
    let feed = try site.output("stories/feed.xml")
    #expect(feed.contains("  <entry xml:lang=\"es\">\n    <title>Tulare en español</title>"))
    #expect(feed.contains("href=\"../es/stories/tulare.html\""))
    #expect(feed.contains("<published>2022-05-10T00:00:00Z</published>"))
    let story = try site.output("es/stories/tulare.html")
    #expect(story.contains("10 de mayo de 2022"))
    #expect(story.contains("<dd>Tulare</dd>"))
  }

  @Test func aRebuildInServeAfterEditingATranslationMatchesAFullBuild() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let builder = SiteBuilder(project: Project(base: site.root), options: BuildOptions(writeOutput: false))
    let first = try builder.buildInMemory()
    let path = "Content/guides/safety-house.es.md"
    try site.write(
      "---\ntitle: La Casa de la Seguridad\nsummary: Un dibujo.\n---\n## Dibujarla\n\nZanahoria.\n", to: path)
    let rebuilt = try builder.buildInMemory(reusing: first.cache)
    let full = try builder.buildInMemory()
    func texts(_ built: BuiltSite) -> [String: String] {
      var texts: [String: String] = [:]
      for file in built.files {
        if case .bytes(let data) = file.contents { texts[file.path] = String(decoding: data, as: UTF8.self) }
      }
      return texts
    }
    #expect(texts(rebuilt) == texts(full))
    #expect(texts(rebuilt)["es/guides/safety-house.html"]?.contains("Zanahoria.") == true)
    #expect(texts(rebuilt).contains { $0.key.hasPrefix("es/search/docs-") && $0.value.contains("Zanahoria") })
  }

  @Test func theTranslationReportSaysTranslatedOutdatedOrMissing() throws {
    var files = Self.files
    files["Content/guides/safety-house.md"] = TemporarySite.guide(
      "Safety House", roles: "[leaders]", extra: "updated: 2024-06-01\n", body: "## Draw it\n\nText.\n")
    files["Content/guides/safety-house.es.md"] =
      "---\ntitle: La Casa de la Seguridad\nsummary: Un dibujo.\nupdated: 2024-01-01\n---\n## Dibujarla\n\nTexto.\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    let built = try SiteBuilder(project: Project(base: site.root), options: BuildOptions(writeOutput: false))
      .buildInMemory()
    #expect(built.translationReport.rows.map(\.slug) == ["mapping", "safety-house", "three-houses"])
    #expect(built.translationReport.rows.map(\.states) == [[.missing], [.outdated], [.translated]])
    #expect(built.translationReport.text.hasSuffix("es: 1 translated, 1 outdated, 1 missing\n"))
    #expect(
      built.report.warnings.map(\.description) == [
        "Content/guides/safety-house.es.md:4:10: warning: outdated translation: it was updated 2024-01-01, but its original 'Content/guides/safety-house.md' was updated 2024-06-01; bring it up to date, then change 'updated'"
      ])
  }
}
