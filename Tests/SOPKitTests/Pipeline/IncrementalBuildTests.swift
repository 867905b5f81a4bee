import Foundation
import Testing

@testable import SOPKit

/// A build that reuses the previous one (as `sopkit serve` does) makes exactly what a build from scratch makes,
/// while parsing and rendering again only what changed.
@Suite struct IncrementalBuildTests {
  /// A change to the site's folder, the files it saves, and how many pages it should leave to render again (nil:
  /// every page).
  struct Change: Sendable, CustomTestStringConvertible {
    var name: String
    var saved: [String]
    var pagesRendered: Int?
    var apply: @Sendable (TemporarySite) throws -> Void
    var testDescription: String { name }
  }

  /// The Safety House guide of `SmallSite.files` with another body.
  static func writeSafetyHouse(_ body: String, title: String = "Safety House", in site: TemporarySite) throws {
    try site.write(
      TemporarySite.guide(title, roles: "[leaders, line-staff]", extra: "topics: [three-houses]\n", body: body),
      to: "Content/guides/safety-house.md")
  }

  static let changes: [Change] = [
    Change(name: "a guide's body", saved: ["Content/guides/safety-house.md"], pagesRendered: 1) {
      try Self.writeSafetyHouse("## Draw it\n\nA longer text, with **more** words.\n", in: $0)
    },
    Change(name: "a new heading", saved: ["Content/guides/safety-house.md"], pagesRendered: 1) {
      try Self.writeSafetyHouse("## Draw it\n\n## Then talk about it\n\nText.\n", in: $0)
    },
    Change(
      name: "a heading another guide links to, renamed", saved: ["Content/guides/safety-house.md"], pagesRendered: nil
    ) {
      try Self.writeSafetyHouse("## Draw it now\n\nText.\n", in: $0)
    },
    Change(name: "a guide's title", saved: ["Content/guides/safety-house.md"], pagesRendered: 7) {
      try Self.writeSafetyHouse("## Draw it\n", title: "The Safety House", in: $0)
    },
    Change(name: "a title that moves the guide in A to Z", saved: ["Content/guides/safety-house.md"], pagesRendered: 7)
    {
      try Self.writeSafetyHouse("## Draw it\n", title: "Zebra House", in: $0)
    },
    // Its own page; every list that shows it, before or after (both roles, its topic, home, A to Z); and
    // Three Houses, whose related guides show it.
    Change(name: "a guide's roles", saved: ["Content/guides/safety-house.md"], pagesRendered: 7) {
      try $0.write(
        TemporarySite.guide(
          "Safety House", roles: "[line-staff]", extra: "topics: [three-houses]\n", body: "## Draw it\n"),
        to: "Content/guides/safety-house.md")
    },
    Change(name: "a tag no other page has", saved: ["Content/guides/safety-house.md"], pagesRendered: nil) {
      try $0.write(
        TemporarySite.guide(
          "Safety House", roles: "[leaders, line-staff]", extra: "topics: [three-houses]\ntags: [drawing]\n",
          body: "## Draw it\n"), to: "Content/guides/safety-house.md")
    },
    Change(name: "a story's body", saved: ["Content/stories/tulare.md"], pagesRendered: 1) {
      try $0.write(
        "---\ntitle: Tulare\ndate: 2022-05-10\nsummary: A story.\ncounty: Tulare\nregion: central\ntags: [children]\n---\nA longer story.\n",
        to: "Content/stories/tulare.md")
    },
    Change(name: "an about page's body", saved: ["Content/pages/about.md"], pagesRendered: 1) {
      try $0.write("---\ntitle: About SOP\norder: 1\n---\nAbout it, at length.\n", to: "Content/pages/about.md")
    },
    Change(name: "a new guide", saved: ["Content/guides/circles.md"], pagesRendered: nil) {
      try $0.write(
        TemporarySite.guide("Circles", body: "See [the Safety House](safety-house.md#draw-it)."),
        to: "Content/guides/circles.md")
    },
    Change(name: "a removed guide", saved: ["Content/guides/three-houses.md"], pagesRendered: nil) {
      try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Content/guides/three-houses.md"))
    },
    Change(name: "a template", saved: ["Templates/guide.mustache"], pagesRendered: nil) {
      try $0.write("{{#guide}}<h1>{{title}}</h1>{{{body}}}{{/guide}}\n", to: "Templates/guide.mustache")
    },
    Change(name: "site.yaml", saved: ["Content/site.yaml"], pagesRendered: nil) {
      try $0.write(TemporarySite.siteYAML + "\nurl: https://toolkit.example.org/sop\n", to: "Content/site.yaml")
    },
    Change(name: "an image a guide shows", saved: ["Content/guides/images/houses.svg"], pagesRendered: 0) {
      try $0.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", to: "Content/guides/images/houses.svg")
    },
    Change(
      name: "a body with a new warning", saved: ["Content/guides/safety-house.md"], pagesRendered: 1
    ) {
      try Self.writeSafetyHouse("## Draw it\n\n[Run](javascript:alert(1)) nothing.\n", in: $0)
    },
    Change(name: "a body with a broken link", saved: ["Content/guides/safety-house.md"], pagesRendered: nil) {
      try Self.writeSafetyHouse("## Draw it\n\nSee [nothing](nothing.md).\n", in: $0)
    },
    Change(name: "a body with a new image", saved: ["Content/guides/safety-house.md"], pagesRendered: 1) {
      try Self.writeSafetyHouse("## Draw it\n\n![Houses](images/houses.svg)\n", in: $0)
    },
    Change(
      name: "two bodies", saved: ["Content/guides/safety-house.md", "Content/pages/how-to-use.md"], pagesRendered: 2
    ) {
      try Self.writeSafetyHouse("## Draw it\n\nOther words.\n", in: $0)
      try $0.write("---\ntitle: How to use\norder: 2\n---\nUse it well.\n", to: "Content/pages/how-to-use.md")
    },
  ]

  /// What a build ends in: its files and warnings, or its diagnostics when it fails.
  private func outcome(_ build: () throws(BuildFailure) -> BuiltSite) -> (
    files: [String: String], diagnostics: [Diagnostic], pagesRendered: Int?
  ) {
    do {
      let built = try build()
      return (files(built), built.report.warnings, built.report.pagesRendered)
    } catch {
      return ([:], error.diagnostics, nil)
    }
  }

  /// The paths whose files differ, or that only one side has.
  private func differences(_ left: [String: String], _ right: [String: String]) -> [String] {
    Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
  }

  /// Every file by path: bytes for what the build made, the source for what it copies.
  private func files(_ built: BuiltSite) -> [String: String] {
    var files: [String: String] = [:]
    for file in built.files {
      switch file.contents {
      case .bytes(let data): files[file.path] = String(decoding: data, as: UTF8.self)
      case .copy(let url): files[file.path] = "copy of \(url.path)"
      }
    }
    return files
  }

  /// Applies `change` to `site` and checks that the rebuild from the build before it, through its cache, makes
  /// what a full build makes, rendering only the pages the change shows on.
  private func checkRebuild(after change: Change, of site: TemporarySite, with builder: SiteBuilder) throws {
    let first = try builder.buildInMemory()
    try change.apply(site)
    let rebuilt = outcome { () throws(BuildFailure) in try builder.buildInMemory(reusing: first.cache) }
    let full = outcome { () throws(BuildFailure) in try builder.buildInMemory() }
    #expect(!full.files.isEmpty || !full.diagnostics.isEmpty)
    #expect(differences(rebuilt.files, full.files) == [])
    #expect(rebuilt.diagnostics == full.diagnostics)
    #expect(rebuilt.pagesRendered == (change.pagesRendered ?? full.pagesRendered))
  }

  @Test(arguments: changes)
  func rebuildingFromThePreviousBuildMakesWhatAFullBuildMakes(change: Change) throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    try checkRebuild(after: change, of: site, with: SiteBuilder(project: site.project))
  }

  @Test func theSearchIndexCanCatchUpAfterThePages() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    let builder = SiteBuilder(project: site.project)
    let first = try builder.buildInMemory()
    try site.write(
      TemporarySite.guide("Safety House", body: "## Draw it\n\nZanzibar.\n"), to: "Content/guides/safety-house.md")
    let pagesFirst = try builder.buildInMemory(reusing: first.cache, searchIndex: false)
    #expect(!pagesFirst.searchIndexIsCurrent)
    #expect(
      files(pagesFirst).filter { $0.key.hasPrefix("search/") } == files(first).filter { $0.key.hasPrefix("search/") })
    let caughtUp = pagesFirst.withCurrentSearchIndex()
    #expect(caughtUp.searchIndexIsCurrent)
    #expect(differences(files(caughtUp), files(try builder.buildInMemory())) == [])
    #expect(files(caughtUp).contains { $0.key.hasPrefix("search/") && $0.value.contains("zanzibar") })
  }

  @Test func aFailedBuildInBetweenIsNotReused() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    let builder = SiteBuilder(project: site.project)
    let first = try builder.buildInMemory()
    let original = try String(
      contentsOf: site.root.appendingPathComponent("Content/guides/safety-house.md"), encoding: .utf8)
    try site.write("---\ntitle: [broken\n---\n", to: "Content/guides/safety-house.md")
    #expect(throws: BuildFailure.self) { try builder.buildInMemory(reusing: first.cache) }
    try site.write(original + "\nOne more line.\n", to: "Content/guides/safety-house.md")
    let fixed = try builder.buildInMemory(reusing: first.cache)
    #expect(differences(files(fixed), files(try builder.buildInMemory())) == [])
  }

  /// A county's overlay over `SmallSite.files`: a page of its own and its version of the Safety House.
  static let overlayFiles: [String: String] = SmallSite.files.merging([
    "County/site.yaml": "county: Kern County\n",
    "County/pages/kern.md": "---\ntitle: Kern resources\norder: 9\n---\nCall the Kern team.\n",
    "County/guides/safety-house.md": TemporarySite.guide(
      "Safety House", roles: "[leaders, line-staff]", extra: "topics: [three-houses]\n", body: "## Draw it\n\nKern.\n"),
  ]) { $1 }

  /// Changes to a site with an overlay, with the file each saves; none may take the rebuild for page text.
  static let overlayChanges: [Change] = [
    Change(name: "an overlay page's body", saved: ["County/pages/kern.md"], pagesRendered: 1) {
      try $0.write("---\ntitle: Kern resources\norder: 9\n---\nCall the Kern office.\n", to: "County/pages/kern.md")
    },
    Change(name: "the overlay's version of a guide", saved: ["County/guides/safety-house.md"], pagesRendered: 1) {
      try $0.write(
        TemporarySite.guide(
          "Safety House", roles: "[leaders, line-staff]", extra: "topics: [three-houses]\n",
          body: "## Draw it\n\nKern, at length.\n"),
        to: "County/guides/safety-house.md")
    },
    Change(name: "a statewide guide the overlay replaces", saved: ["Content/guides/safety-house.md"], pagesRendered: 0)
    {
      try Self.writeSafetyHouse("## Draw it\n\nStatewide words nobody sees here.\n", in: $0)
    },
    // The statewide guide is back in the lists, no longer marked local.
    Change(name: "the overlay's version removed", saved: ["County/guides/safety-house.md"], pagesRendered: 7) {
      try FileManager.default.removeItem(at: $0.root.appendingPathComponent("County/guides/safety-house.md"))
    },
    Change(name: "the overlay's settings", saved: ["County/site.yaml"], pagesRendered: nil) {
      try $0.write("county: Kern County\nnotice: Kern's own copy.\n", to: "County/site.yaml")
    },
  ]

  @Test(arguments: overlayChanges)
  func withAnOverlayARebuildMakesWhatAFullBuildMakes(change: Change) throws {
    let site = try TemporarySite(Self.overlayFiles)
    defer { site.remove() }
    let builder = SiteBuilder(project: Project(overlay: "County", base: site.root))
    #expect(files(try builder.buildInMemory())["guides/safety-house.html"]?.contains("Kern.") == true)
    try checkRebuild(after: change, of: site, with: builder)
  }
}
