import Foundation
import Testing

@testable import SOPKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct SiteBuilderTests {

  @Test func buildsEveryPageKindWithRelativeLinksThatResolve() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    let report = try site.build()
    #expect(report.guideCount == 2)
    for path in [
      "index.html", "guides/index.html", "guides/three-houses.html", "roles/leaders.html", "topics/three-houses.html",
      "tags/children.html", "tags/family-meetings.html", "stories/index.html", "stories/tulare.html",
      "stories/feed.xml", "contacts.html", "search.html", "about.html", "404.html", "guides/images/houses.svg",
      "sheets/three-houses.pdf", "css/site.css",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/\(path)").path), "\(path)")
    }
    #expect(
      !FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/guides/draft-guide.html").path))
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/sitemap.xml").path))
    let broken = try LinkChecker.brokenLinks(in: site.root.appendingPathComponent("Output"))
    #expect(broken == [])
    let guide = try site.output("guides/three-houses.html")
    #expect(guide.contains("href=\"safety-house.html#draw-it\""))
    #expect(guide.contains("<h2 id=\"how-to-do-it\">"))
    #expect(guide.contains("(PDF, 13 B)"))
    #expect(guide.contains("March 1, 2024"))
    #expect(try site.output("index.html").contains("<title>Test Toolkit</title>"))
    #expect(try site.output("search.html").contains("<title>Search · Test Toolkit</title>"))
    #expect(guide.contains("<title>Three Houses · Test Toolkit</title>"))
    let about = try site.output("about.html")
    #expect(about.contains("Next section: How to use"))
  }

  @Test func includesDraftsOnRequest() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    _ = try site.build(drafts: true)
    #expect(
      FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/guides/draft-guide.html").path))
  }

  @Test func twoBuildsAreByteIdentical() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    _ = try site.build()
    let first = try site.snapshot()
    let second = try site.build(force: true)
    #expect(!second.upToDate)
    #expect(try site.snapshot() == first)
  }

  @Test func writesSitemapAndAbsoluteFeedLinksWhenURLIsSet() throws {
    var files = SmallSite.files
    files["Content/site.yaml"] = TemporarySite.siteYAML + "\nurl: https://toolkit.example.org/sop\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    _ = try site.build()
    let sitemap = try site.output("sitemap.xml")
    #expect(
      sitemap.contains(
        "<loc>https://toolkit.example.org/sop/guides/three-houses.html</loc><lastmod>2024-03-01</lastmod>"))
    let feed = try site.output("stories/feed.xml")
    #expect(feed.contains("<id>https://toolkit.example.org/sop/stories/tulare.html</id>"))
    _ = try XMLDocument(xmlString: feed)
  }

  @Test func reportsEveryCrossReferenceProblemAtOnce() throws {
    var files = SmallSite.files
    files["Content/guides/bad.md"] = TemporarySite.guide(
      "Bad", roles: "[line-staf]", extra: "topics: [three-house]\n",
      body: "[x](safety-house.md#nowhere)\n\n[y](../stories/none.md)\n")
    let site = try TemporarySite(files)
    defer { site.remove() }
    #expect(
      site.failure() == [
        "Content/guides/bad.md:4:9: error: unknown role 'line-staf' (did you mean 'line-staff'?); the roles are listed in Content/site.yaml",
        "Content/guides/bad.md:5:10: error: unknown topic 'three-house' (did you mean 'three-houses'?); the topics are listed in Content/site.yaml",
        "Content/guides/bad.md:7:1: error: the link 'safety-house.md#nowhere' leads to Content/guides/safety-house.md, which has no heading with the anchor 'nowhere'",
        "Content/guides/bad.md:9:1: error: the link '../stories/none.md' leads to 'Content/stories/none.md', which does not exist (did you mean 'stories/tulare.md'?)",
      ])
  }

  @Test func aFailedBuildLeavesTheLastGoodOutputUntouched() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    _ = try site.build()
    let before = try site.snapshot()
    try site.write("---\ntitle: [broken\n---\n", to: "Content/guides/three-houses.md")
    #expect(!site.failure().isEmpty)
    #expect(try site.snapshot() == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
      $0.hasPrefix(".Output")
    }
    #expect(leftovers.isEmpty)
  }

  @Test(arguments: ["/", "Content", "Content/guides", ".", "Templates", ".."])
  func refusesDangerousOutputFolders(output: String) throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    let project = Project(output: output, base: site.root)
    #expect(throws: BuildFailure.self) { try SiteBuilder(project: project).build() }
    #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yaml").path))
  }

  @Test func refusesToReplaceAFolderItDidNotMake() throws {
    let site = try TemporarySite(SmallSite.files)
    defer { site.remove() }
    try site.write("precious", to: "Documents/letter.txt")
    let project = Project(output: "Documents", base: site.root)
    #expect(throws: BuildFailure.self) { try SiteBuilder(project: project).build() }
    #expect(
      try String(contentsOf: site.root.appendingPathComponent("Documents/letter.txt"), encoding: .utf8) == "precious")
  }

  @Test func reportsSlugsCollisionsAndTemplateErrors() throws {
    var files = SmallSite.files
    files["Content/guides/Bad Name.md"] = TemporarySite.guide("X")
    files["Content/pages/index.md"] = "---\ntitle: Home again\n---\nText.\n"
    let site = try TemporarySite(files)
    defer { site.remove() }
    try site.write("{{#guide}}\n<h1>{{title}}\n", to: "Templates/guide.mustache")
    try site.write("{{> partials/nope}}\n", to: "Templates/404.mustache")
    let lines = site.failure()
    #expect(
      lines.contains(
        "Content/guides/Bad Name.md:1:1: error: the file name 'Bad Name' is not a valid slug: use only lowercase letters, digits and '-' (rename it to 'bad-name')"
      ))
    #expect(
      lines.contains(
        "Content/pages/index.md:1:1: error: this page would be written to 'index.html', which the toolkit needs for its own page; rename the file"
      ))
    #expect(lines.contains { $0.hasPrefix("Templates/guide.mustache:") && $0.contains("error: template syntax") })
    #expect(
      lines.contains { $0.hasPrefix("Templates/404.mustache:1:1: error: the partial 'partials/nope' does not exist") })
  }

  /// Pages are written into the staging folder while they render; a failure found after that (here a copied
  /// file clashing with a page) must still leave the last good output whole and no staging folder behind.
  @Test func aFailureAfterPagesAreWrittenKeepsTheLastGoodOutput() throws {
    let site = try TemporarySite(["Content/guides/one.md": TemporarySite.guide("One")])
    defer { site.remove() }
    _ = try site.build()
    let before = try site.snapshot()
    try site.write("<p>mine</p>", to: "Public/index.html")
    let lines = site.failure()
    #expect(lines.contains { $0.hasPrefix("Public/index.html:") && $0.contains("'index.html'") }, "\(lines)")
    #expect(try site.snapshot() == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
      $0.contains("staging")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
