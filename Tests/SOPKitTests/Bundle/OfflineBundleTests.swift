import Foundation
import Testing
import ZIPFoundation

@testable import SOPKit

@Suite struct OfflineBundleTests {
  static let files: [String: String] = [
    "Content/site.yaml": TemporarySite.siteYAML + "\nversion: \"2024.3\"\n",
    "Content/guides/three-houses.md": TemporarySite.guide(
      "Three Houses",
      extra: "updated: 2024-03-01\nattachments:\n  - file: sheets/three-houses.pdf\n    title: Worksheet\n"),
    "Content/sheets/three-houses.pdf": "%PDF-1.4 test",
    "Content/stories/tulare.md": "---\ntitle: Tulare\ndate: 2022-05-10\nsummary: A story.\n---\nStory.\n",
  ]

  static func built(_ site: TemporarySite, overlay: String? = nil, epoch: Int? = nil) throws -> BuiltSite {
    var options = BuildOptions(writeOutput: false)
    options.stampsBuild = true
    options.sourceDateEpoch = epoch
    return try SiteBuilder(project: Project(overlay: overlay, base: site.root), options: options).buildInMemory()
  }

  static func text(_ built: BuiltSite, _ path: String) -> String {
    guard case .bytes(let data) = built.files.first(where: { $0.path == path })?.contents else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let first = site.root.appendingPathComponent("first.zip")
    let second = site.root.appendingPathComponent("second.zip")
    try OfflineBundle(Self.built(site)).write(to: first)
    // Past ZIP's two-second clock, so a timestamp taken from the clock would show.
    Thread.sleep(forTimeInterval: 2.1)
    try OfflineBundle(Self.built(site)).write(to: second)
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
  }

  @Test func entriesSitInOneDatedFolderInOrderWithOneTimestampAndFixedPermissions() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let built = try Self.built(site)
    let bundle = OfflineBundle(built)
    #expect(bundle.folderName == "test-toolkit-2024-03-01")
    let zip = site.root.appendingPathComponent("site.zip")
    try bundle.write(to: zip)
    let archive = try Archive(url: zip, accessMode: .read)
    let entries = Array(archive)
    #expect(entries.map(\.path) == entries.map(\.path).sorted())
    #expect(entries.allSatisfy { $0.path.hasPrefix("test-toolkit-2024-03-01/") })
    let dates = Set(entries.compactMap { $0.fileAttributes[.modificationDate] as? Date })
    #expect(dates.count == 1)
    for entry in entries {
      let permissions = (entry.fileAttributes[.posixPermissions] as? NSNumber)?.intValue
      #expect(permissions == (entry.type == .directory ? 0o755 : 0o644), "\(entry.path)")
    }
    let files = Set(entries.filter { $0.type == .file }.map { String($0.path.dropFirst(bundle.folderName.count + 1)) })
    #expect(files == Set(built.files.map(\.path)))
    #expect(entries.contains { $0.path == "test-toolkit-2024-03-01/guides/" && $0.type == .directory })
    var index = Data()
    _ = try archive.extract(archive["test-toolkit-2024-03-01/index.html"]!) { index.append($0) }
    #expect(String(decoding: index, as: UTF8.self) == Self.text(built, "index.html"))
  }

  /// The fingerprint a stamp shows: the start of the hash of the files the build reads.
  static func fingerprint(_ project: Project) -> String {
    String(InputFingerprint(project: project, options: BuildOptions()).filesHash().prefix(12))
  }

  @Test func homePageAndFootersSayWhichBuildItIs() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let built = try Self.built(site)
    let fingerprint = Self.fingerprint(Project(base: site.root))
    #expect(fingerprint.count == 12)
    for page in ["index.html", "guides/three-houses.html", "stories/tulare.html"] {
      let html = Self.text(built, page)
      #expect(html.contains("<time datetime=\"2024-03-01\">March 1, 2024</time>"), "\(page)")
      #expect(html.contains("content version 2024.3"), "\(page)")
      #expect(html.contains("build <code>\(fingerprint)</code>"), "\(page)")
    }
    #expect(Self.text(built, "index.html").contains("About this copy"))
    let plain = try SiteBuilder(project: site.project, options: BuildOptions(writeOutput: false)).buildInMemory()
    #expect(!Self.text(plain, "index.html").contains("build-stamp"))
  }

  @Test func everyLanguageEditionSaysWhichBuildItIsInItsOwnWords() throws {
    let site = try TemporarySite(TranslationTests.files)
    defer { site.remove() }
    let built = try Self.built(site, epoch: 1_709_294_400)
    let fingerprint = Self.fingerprint(site.project)
    let spanish = Self.text(built, "es/index.html")
    #expect(spanish.contains("<h2 id=\"sk-build-title\">Sobre esta copia</h2>"))
    #expect(
      spanish.contains(
        "Esta copia del kit tiene fecha del <time datetime=\"2024-03-01\">1 de marzo de 2024</time>, compilación <code>\(fingerprint)</code>."
      ))
    #expect(Self.text(built, "es/guides/three-houses.html").contains("compilación <code>\(fingerprint)</code>"))
    #expect(Self.text(built, "index.html").contains("build <code>\(fingerprint)</code>"))
  }

  @Test func sourceDateEpochSetsTheDateAndAnyChangeToTheInputChangesTheFingerprint() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    #expect(OfflineBundle(try Self.built(site, epoch: 1_700_000_000)).folderName == "test-toolkit-2023-11-14")
    let before = Self.fingerprint(site.project)
    #expect(Self.fingerprint(site.project) == before)
    try site.write("%PDF-1.4 changed", to: "Content/sheets/three-houses.pdf")
    #expect(Self.fingerprint(site.project) != before)
  }

  @Test func aCountysBundleIsNamedAfterTheCountyToo() throws {
    let site = try TemporarySite(Self.files.merging(["County/site.yaml": "county: Kern County\n"]) { $1 })
    defer { site.remove() }
    #expect(OfflineBundle(try Self.built(site, overlay: "County")).folderName == "test-toolkit-kern-county-2024-03-01")
  }

  @Test func aZipInsideAFolderTheBuildReadsIsRefused() throws {
    let site = try TemporarySite(Self.files.merging(["County/site.yaml": "county: Kern\n"]) { $1 })
    defer { site.remove() }
    let project = Project(overlay: "County", base: site.root)
    for folder in ["Content", "Content/guides", "Templates", "Public/css", "County"] {
      let zip = site.root.appendingPathComponent("\(folder)/site.zip")
      #expect(throws: OfflineBundle.WriteError.self, "\(folder)") {
        try OfflineBundle.checkDestination(zip, project: project)
      }
    }
    try OfflineBundle.checkDestination(site.root.appendingPathComponent("site.zip"), project: project)
    try OfflineBundle.checkDestination(site.root.appendingPathComponent("Content-copies/site.zip"), project: project)
  }

  @Test func aFailedWriteLeavesNoPartFile() throws {
    let site = try TemporarySite(Self.files)
    defer { site.remove() }
    let occupied = site.root.appendingPathComponent("out/site.zip")
    try site.write("a folder's file", to: "out/site.zip/inside.txt")
    #expect(throws: OfflineBundle.WriteError.self) { try OfflineBundle(Self.built(site)).write(to: occupied) }
    let left = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("out").path)
    #expect(left == ["site.zip"])
  }
}
