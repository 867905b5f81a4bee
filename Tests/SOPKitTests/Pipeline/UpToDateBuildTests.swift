import Foundation
import Testing

@testable import SOPKit

/// A build whose input has not changed since the last build leaves the output as it is; any change to the input
/// or to the output itself makes it build again, to exactly what a fresh build writes.
@Suite struct UpToDateBuildTests {
  static let files: [String: String] = SmallSite.files.merging([
    "Content/guides/warned.md": TemporarySite.guide("Warned", body: "[x](javascript:alert(1))")
  ]) { $1 }

  /// Inode and modification time: what a rewrite of the file would change.
  private func identity(_ site: TemporarySite, _ path: String) throws -> [FileAttributeKey: AnyHashable] {
    let attributes = try FileManager.default.attributesOfItem(
      atPath: site.root.appendingPathComponent("Output/\(path)").path)
    return [
      .systemFileNumber: attributes[.systemFileNumber] as! AnyHashable,
      .modificationDate: attributes[.modificationDate] as! AnyHashable,
    ]
  }

  @Test func aSecondBuildWithNothingChangedLeavesTheOutputAsItIs() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let first = try site.build()
    #expect(!first.upToDate)
    #expect(first.warnings.count == 1)
    let before = try identity(site, "guides/three-houses.html")
    let second = try site.build()
    #expect(second.upToDate)
    let after = try identity(site, "guides/three-houses.html")
    #expect(after == before)
    #expect(second.warnings == first.warnings)
    let counts: (BuildReport) -> [Int] = { [$0.pageCount, $0.fileCount, $0.guideCount, $0.storyCount] }
    #expect(counts(second) == counts(first))
  }

  @Test func forceBuildsAgain() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let before = try identity(site, "guides/three-houses.html")
    #expect(try !site.build(force: true).upToDate)
    let after = try identity(site, "guides/three-houses.html")
    #expect(after != before)
  }

  /// Each change to the input, as a step on the site's folder.
  static let changes: [String: @Sendable (TemporarySite) throws -> Void] = [
    "guide body": {
      try $0.write(TemporarySite.guide("Three Houses", body: "Changed."), to: "Content/guides/three-houses.md")
    },
    "new guide": { try $0.write(TemporarySite.guide("New One"), to: "Content/guides/new-one.md") },
    "removed guide": {
      try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Content/guides/warned.md"))
    },
    "attachment bytes": { try $0.write("%PDF-1.4 other", to: "Content/sheets/three-houses.pdf") },
    "template": { try $0.write("{{#guide}}<h1>{{title}}</h1>{{{body}}}{{/guide}}\n", to: "Templates/guide.mustache") },
    "interface strings": {
      let url = $0.root.appendingPathComponent("Templates/i18n/en.yaml")
      try $0.write(try String(contentsOf: url, encoding: .utf8) + "\n# edited\n", to: "Templates/i18n/en.yaml")
    },
    "public file": { try $0.write("body { color: black; }\n", to: "Public/css/extra.css") },
    "site settings": {
      try $0.write(TemporarySite.siteYAML + "\nurl: https://toolkit.example.org/sop\n", to: "Content/site.yaml")
    },
  ]

  @Test(arguments: changes.keys.sorted())
  func anyChangeToTheInputBuildsToWhatAFreshBuildWrites(change: String) throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    try Self.changes[change]!(site)
    #expect(try !site.build().upToDate)
    _ = try site.build(output: "Fresh")
    let rebuilt = try site.snapshot()
    #expect(rebuilt == (try site.snapshot("Fresh")))
  }

  @Test func includingDraftsIsAChange() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    #expect(try !site.build(drafts: true).upToDate)
    #expect(
      FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/guides/draft-guide.html").path))
  }

  /// Each change made by hand to the built output.
  static let damage: [String: @Sendable (URL) throws -> Void] = [
    "edited page": { try Data("<p>mine</p>".utf8).write(to: $0.appendingPathComponent("guides/three-houses.html")) },
    "deleted page": { try FileManager.default.removeItem(at: $0.appendingPathComponent("tags/children.html")) },
    "extra file": { try Data("x".utf8).write(to: $0.appendingPathComponent("guides/stray.html")) },
    "extra folder": {
      try FileManager.default.createDirectory(at: $0.appendingPathComponent("more"), withIntermediateDirectories: false)
    },
  ]

  @Test(arguments: damage.keys.sorted())
  func anOutputChangedByHandIsBuiltAgain(damage: String) throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    _ = try site.build()
    let built = try site.snapshot()
    try Self.damage[damage]!(site.root.appendingPathComponent("Output"))
    #expect(try !site.build().upToDate)
    let rebuilt = try site.snapshot()
    #expect(rebuilt == built)
    #expect(try site.build().upToDate)
  }

  /// A build into Output of `site` with a county's overlay in `County/` (or none), a stamp and its date.
  private func build(
    _ site: TemporarySite, output: String = "Output", overlay: String? = "County", stamp: Bool = false,
    sourceDateEpoch: Int? = nil
  ) throws(BuildFailure) -> BuildReport {
    var options = BuildOptions()
    options.stampsBuild = stamp
    options.sourceDateEpoch = sourceDateEpoch
    return try SiteBuilder(project: Project(output: output, overlay: overlay, base: site.root), options: options)
      .build()
  }

  static let overlayFiles: [String: String] = files.merging([
    "County/site.yaml": "county: Kern County\n",
    "County/pages/kern.md": "---\ntitle: Kern resources\norder: 9\n---\nCall the Kern team.\n",
  ]) { $1 }

  @Test func anOverlayFileEditBuildsAgainToWhatAFreshBuildWrites() throws {
    let site = try TemporarySite(Self.overlayFiles)
    defer { site.remove() }
    _ = try build(site)
    #expect(try build(site).upToDate)
    try site.write("---\ntitle: Kern resources\norder: 9\n---\nCall the Kern office.\n", to: "County/pages/kern.md")
    #expect(try !build(site).upToDate)
    #expect(try site.output("kern.html").contains("Kern office"))
    _ = try build(site, output: "Fresh")
    #expect(try site.snapshot() == site.snapshot("Fresh"))
    try site.write("county: Kern County\nnotice: Kern's own copy.\n", to: "County/site.yaml")
    #expect(try !build(site).upToDate)
  }

  @Test func addingOrDroppingTheOverlayBuildsAgain() throws {
    let site = try TemporarySite(Self.overlayFiles)
    defer { site.remove() }
    _ = try build(site, overlay: nil)
    #expect(try !build(site).upToDate)
    #expect(try build(site).upToDate)
    #expect(try !build(site, overlay: nil).upToDate)
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/kern.html").path))
  }

  @Test func togglingTheStampOrChangingItsDateBuildsAgain() throws {
    let site = try TemporarySite(Self.overlayFiles)
    defer { site.remove() }
    _ = try build(site)
    #expect(try !site.output("index.html").contains("build-stamp"))
    #expect(try !build(site, stamp: true).upToDate)
    #expect(try site.output("index.html").contains("build-stamp"))
    #expect(try build(site, stamp: true).upToDate)
    #expect(try !build(site, stamp: true, sourceDateEpoch: 1_700_000_000).upToDate)
    #expect(try site.output("index.html").contains("2023-11-14"))
    #expect(try build(site, stamp: true, sourceDateEpoch: 1_700_000_000).upToDate)
    #expect(try !build(site).upToDate)
    #expect(try !site.output("index.html").contains("build-stamp"))
  }
}
