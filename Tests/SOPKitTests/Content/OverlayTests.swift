import Foundation
import Testing

@testable import SOPKit

/// A county's overlay (`--overlay DIR`): what it adds, what it replaces, and every clash as a located error.
@Suite struct OverlayTests {
  static let statewide: [String: String] = [
    "Content/contacts.yaml": """
    regions:
      - id: central
        name: Central Academy
        counties: [Fresno, Kern]
        contacts:
          - name: Coordinator
            email: sop@example.org
    """,
    "Content/guides/three-houses.md": TemporarySite.guide(
      "Three Houses", body: "## Statewide steps\n\nStatewide text.\n"),
    "Content/guides/safety-house.md": TemporarySite.guide(
      "Safety House", body: "See [three houses](three-houses.md).\n"),
    "Content/pages/about.md": "---\ntitle: About SOP\norder: 1\n---\nAbout.\n",
  ]

  static let county: [String: String] = [
    "County/site.yaml": "county: Kern County\nlogo: images/logo.svg\nnotice: Kern's own copy.\n",
    "County/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    "County/contacts.yaml": """
    regions:
      - id: kern
        name: Kern County SOP team
        counties: [Kern]
        contacts:
          - name: Kern Coordinator
      - id: central
        contacts:
          - name: Kern Liaison
    """,
    "County/guides/three-houses.md": TemporarySite.guide("Three Houses", body: "## Kern steps\n\nKern text.\n"),
    "County/pages/kern.md":
      "---\ntitle: Kern resources\norder: 9\n---\nSee the [form](../forms/referral.pdf) and [Kern steps](../guides/three-houses.md#kern-steps).\n",
    "County/forms/referral.pdf": "%PDF-1.4 Kern",
  ]

  @Test func addsPagesFilesAndContactsAndReplacesAStatewideFileByItsPath() throws {
    let site = try TemporarySite(Self.statewide.merging(Self.county) { $1 })
    defer { site.remove() }
    let report = try site.build(overlay: "County")
    #expect(
      report.replacements.map(\.description) == [
        "County/guides/three-houses.md: replaces Content/guides/three-houses.md"
      ])
    #expect(try LinkChecker.brokenLinks(in: site.root.appendingPathComponent("Output")) == [])

    let replaced = try site.output("guides/three-houses.html")
    #expect(replaced.contains("Kern text.") && !replaced.contains("Statewide text."))
    #expect(replaced.contains("Local page: Kern County"))
    #expect(!(try site.output("guides/safety-house.html")).contains("Local page"))
    let page = try site.output("kern.html")
    #expect(page.contains("Local page: Kern County") && page.contains("href=\"forms/referral.pdf\""))
    #expect(try site.output("forms/referral.pdf") == "%PDF-1.4 Kern")
    #expect(try site.output("images/logo.svg").hasPrefix("<svg"))

    let contacts = try site.output("contacts.html")
    let kern = try #require(contacts.range(of: "<h2 id=\"kern-title\">Kern County SOP team</h2>"))
    let central = try #require(contacts.range(of: "<h2 id=\"central-title\">Central Academy</h2>"))
    #expect(kern.lowerBound < central.lowerBound, "the county's own contacts come first")
    let liaison = try #require(contacts.range(of: "Kern Liaison"))
    #expect(liaison.lowerBound > central.lowerBound, "an added contact joins its statewide region")
    for path in ["index.html", "guides/safety-house.html", "contacts.html", "search.html"] {
      let html = try site.output(path)
      #expect(html.contains("Kern County copy of the toolkit") && html.contains("Kern&#39;s own copy."), "\(path)")
    }
    let index = try site.searchRecords()
    #expect(index.contains("\"kern.html\"") && index.contains(",1]"))
  }

  @Test func inASiteWithTranslationsTheCountysPagesStandInEveryLanguage() throws {
    let site = try TemporarySite(
      TranslationTests.files.merging([
        "County/site.yaml": "county: Kern County\n",
        "County/guides/safety-house.md": TemporarySite.guide(
          "Safety House", roles: "[leaders]", body: "## Draw it\n\nKern text.\n"),
        "County/pages/kern.md": "---\ntitle: Kern resources\norder: 9\n---\nCall the Kern team.\n",
      ]) { $1 })
    defer { site.remove() }
    let report = try site.build(overlay: "County")
    #expect(
      report.replacements.map(\.description) == [
        "County/guides/safety-house.md: replaces Content/guides/safety-house.es.md",
        "County/guides/safety-house.md: replaces Content/guides/safety-house.md",
      ])
    #expect(report.warnings == [])
    #expect(
      !FileManager.default.fileExists(
        atPath: site.root.appendingPathComponent("Output/es/guides/safety-house.html").path))
    let spanishHome = try site.output("es/index.html")
    #expect(spanishHome.contains("Copia del kit de Kern County"))
    let spanishGuides = try site.output("es/guides/index.html")
    #expect(spanishGuides.contains("href=\"../../guides/safety-house.html\" hreflang=\"en\""))
    #expect(spanishGuides.contains("<span class=\"badge badge--local\">Local</span>"))
    #expect(try site.searchRecords("es/search").contains("\"guides/safety-house.html\",\"Safety House\""))
    #expect(try site.output("es/search.html").contains("data-key=\"local\">Local: Kern County</span>"))
    #expect(try site.output("guides/safety-house.html").contains("Local page: Kern County"))
    #expect(try LinkChecker.brokenLinks(in: site.root.appendingPathComponent("Output")) == [])
  }

  @Test func withoutAnOverlayNothingIsLocal() throws {
    let site = try TemporarySite(Self.statewide)
    defer { site.remove() }
    let report = try site.build()
    #expect(report.replacements.isEmpty)
    #expect(!(try site.output("index.html")).contains("local-edition"))
    #expect(!(try site.output("search/docs-0.js")).contains(",1]"))
  }

  @Test func everyOtherClashIsALocatedErrorNamingTheOverlayFile() throws {
    let site = try TemporarySite(
      Self.statewide.merging([
        "County/site.yaml": "county: Kern County\nlogo: images/missing.svg\ntitle: Kern Toolkit\n",
        "County/contacts.yaml": "regions:\n  - id: central\n    name: Central again\n",
        "County/pages/contacts.md": "---\ntitle: Our contacts\n---\nText.\n",
        "County/guides/kern.md": TemporarySite.guide("Kern", roles: "[line-staf]"),
      ]) { $1 })
    defer { site.remove() }
    #expect(
      site.failure(overlay: "County") == [
        "County/contacts.yaml:2:9: error: the region id 'central' is already used at Content/contacts.yaml:2:9; to add contacts to that region give only 'id' and 'contacts', or choose another id for a new region",
        "County/guides/kern.md:4:9: error: unknown role 'line-staf' (did you mean 'line-staff'?); the roles are listed in Content/site.yaml",
        "County/pages/contacts.md:1:1: error: this page would be written to 'contacts.html', which the toolkit needs for its own page; rename the file",
        "County/site.yaml:2:7: error: the logo 'images/missing.svg' is not a file in the overlay folder 'County'",
        "County/site.yaml:3:8: error: 'title' is set by the statewide site.yaml; a county's site.yaml may set only county, logo and notice",
      ])
  }

  @Test func aMissingOverlayFolderIsAnError() throws {
    let site = try TemporarySite(Self.statewide)
    defer { site.remove() }
    #expect(
      site.failure(overlay: "Kern") == [
        "Kern:1:1: error: the overlay folder does not exist; it should be laid out like Content/"
      ])
  }

  @Test func theOverlayAndContentMayNotHoldEachOther() throws {
    let site = try TemporarySite(Self.statewide.merging(["Content/kern/site.yaml": "county: Kern\n"]) { $1 })
    defer { site.remove() }
    #expect(
      site.failure(overlay: "Content/kern") == [
        "Content/kern:1:1: error: the overlay folder must be outside the Content folder, and the Content folder outside it"
      ])
    let check = SiteBuilder(project: Project(overlay: ".", base: site.root), options: BuildOptions(writeOutput: false))
    #expect(throws: BuildFailure.self) { try check.build() }
    do {
      _ = try check.build()
    } catch {
      #expect(
        error.diagnostics.map(\.description).contains(
          ".:1:1: error: the overlay folder must be outside the Content folder, and the Content folder outside it"))
    }
  }

  @Test func theOutputFolderMayNotHoldTheOverlay() throws {
    let site = try TemporarySite(Self.statewide.merging(["Output/County/site.yaml": "county: Kern\n"]) { $1 })
    defer { site.remove() }
    #expect(site.failure(overlay: "Output/County").first?.contains("it holds the overlay folder") == true)
  }

  /// A county adding its own team for a county a statewide region serves: one line in "Counties A to Z", both teams.
  @Test func listsACountyOnceWithEveryTeamThatServesIt() throws {
    var files = Self.statewide
    files["County/contacts.yaml"] =
      "regions:\n  - id: fresno\n    name: Fresno County SOP team\n    counties: [Fresno]\n    contacts:\n      - name: Fresno Coordinator\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    _ = try site.build(overlay: "County")
    let page = try site.output("contacts.html")
    let list = try #require(
      page.range(of: "<ul class=\"county-list\">").flatMap { start in
        page.range(of: "</ul>", range: start.upperBound..<page.endIndex).map { page[start.upperBound..<$0.lowerBound] }
      })
    let items = list.components(separatedBy: "<li>").dropFirst()
    #expect(items.count == 2, "\(list)")
    let fresno = items.filter { $0.contains(">Fresno<") }
    #expect(fresno.count == 1, "\(list)")
    #expect(
      fresno.first?.contains(
        "<a href=\"#fresno\">Fresno</a> <span class=\"card__meta\">(Fresno County SOP team; <a href=\"#central\">Central Academy</a>)</span>"
      ) == true, "\(list)")
  }
}
