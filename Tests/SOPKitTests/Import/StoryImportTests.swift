import Foundation
import Testing
import ZIPFoundation

@testable import SOPKit

/// `sopkit import`: a good package becomes a draft story with its files; every hostile or broken one is refused
/// with nothing written under Content/.
@Suite struct StoryImportTests {
  static let contacts = """
    regions:
      - id: central
        name: Central Academy
        counties: [Kern, Tulare]
        contacts:
          - name: Coordinator
            email: sop-central@example.org
            phone: "+1 555 0100"
    """

  static let story = """
    ---
    title: Kern Safety Circles
    date: 2024-05-01
    summary: How one unit drew safety circles with families.
    county: Kern
    region: central
    roles: [line-staff]
    ---
    We drew the circles together and the network grew.

    - [Circles worksheet](files/circles.pdf)

    """

  static let pdf = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

  /// One entry of a test package: its name and bytes, and how it is stored.
  struct Item {
    var name: String
    var data: Data
    var type: Entry.EntryType = .file
    var method: CompressionMethod = .none
  }

  static func site(_ extraSettings: String = "") throws -> TemporarySite {
    try TemporarySite([
      "Content/site.yaml": TemporarySite.siteYAML + "\n" + extraSettings,
      "Content/contacts.yaml": contacts,
      "Content/stories/tulare.md": "---\ntitle: Tulare\ndate: 2022-05-10\nsummary: A story.\n---\nStory.\n",
    ])
  }

  /// The manifest the share page writes for `files`.
  static func manifest(_ files: [Item]) -> Item {
    let records = files.map {
      "{\"name\":\"\($0.name)\",\"size\":\($0.data.count),\"sha256\":\"\(SHA256.hex(of: $0.data))\"}"
    }
    return Item(name: "manifest.json", data: Data("{\"version\":1,\"files\":[\(records.joined(separator: ","))]}".utf8))
  }

  static func good(story: String = story) -> [Item] {
    let files = [Item(name: "story.md", data: Data(story.utf8)), Item(name: "files/circles.pdf", data: pdf)]
    return files + [manifest(files)]
  }

  static func zip(_ items: [Item], in site: TemporarySite, name: String = "share.zip") throws -> URL {
    let url = site.root.appendingPathComponent(name)
    let archive = try Archive(url: url, accessMode: .create)
    for item in items {
      try archive.addEntry(
        with: item.name, type: item.type, uncompressedSize: Int64(item.data.count),
        compressionMethod: item.method
      ) { position, size in item.data.subdata(in: Int(position)..<Int(position) + size) }
    }
    return url
  }

  /// Every file under Content/ with its bytes, and whatever the import left beside it.
  static func state(_ site: TemporarySite) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = site.root.appendingPathComponent("Content")
    for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
      let url = root.appendingPathComponent(path)
      files[path] = (try? Data(contentsOf: url)) ?? Data("(folder)".utf8)
    }
    for name in try FileManager.default.contentsOfDirectory(atPath: site.root.path) where name.hasPrefix(".sopkit") {
      files[name] = Data()
    }
    return files
  }

  static func run(_ package: URL, in site: TemporarySite, slug: String? = nil, strict: Bool = false)
    throws(ImportRefusal) -> StoryImport.Result
  {
    try StoryImport(package: package, display: package.lastPathComponent, slug: slug, strict: strict)
      .run(in: site.project)
  }

  /// Imports `items` expecting a refusal whose messages contain `expected`, and checks Content/ is unchanged.
  static func expectRefusal(
    _ items: [Item], _ expected: String, settings: String = "", slug: String? = nil, strict: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let site = try Self.site(settings)
    defer { site.remove() }
    let package = try zip(items, in: site)
    let before = try state(site)
    do {
      let result = try run(package, in: site, slug: slug, strict: strict)
      Issue.record(
        "the import should have been refused, but it wrote \(result.storyPath)", sourceLocation: sourceLocation)
    } catch {
      #expect(error.description.contains(expected), "\(error.description)", sourceLocation: sourceLocation)
      #expect(error.diagnostics.allSatisfy { $0.severity == .error }, sourceLocation: sourceLocation)
    }
    #expect(try state(site) == before, "Content/ changed", sourceLocation: sourceLocation)
  }

  @Test func aGoodPackageBecomesADraftStoryWithItsFiles() throws {
    let site = try Self.site()
    defer { site.remove() }
    let result = try Self.run(try Self.zip(Self.good(), in: site), in: site)
    #expect(result.storyPath == "Content/stories/kern-safety-circles.md")
    #expect(result.filePaths == ["Content/stories/files/kern-safety-circles/circles.pdf"])
    #expect(result.warnings.isEmpty)
    let written = try String(
      contentsOf: site.root.appendingPathComponent("Content/stories/kern-safety-circles.md"), encoding: .utf8)
    #expect(written.contains("draft: true\n---\n"))
    #expect(written.contains("(files/kern-safety-circles/circles.pdf)"))
    #expect(
      try Data(contentsOf: site.root.appendingPathComponent("Content/stories/files/kern-safety-circles/circles.pdf"))
        == Self.pdf)
    #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).allSatisfy { !$0.hasPrefix(".sopkit") })
    _ = try site.build(drafts: true)
    let page = try site.output("stories/kern-safety-circles.html")
    #expect(page.contains("href=\"files/kern-safety-circles/circles.pdf\""))
    #expect(
      try Data(contentsOf: site.root.appendingPathComponent("Output/stories/files/kern-safety-circles/circles.pdf"))
        == Self.pdf)
  }

  @Test func anExistingStoryIsNeverReplacedAndSlugChoosesAnother() throws {
    let site = try Self.site()
    defer { site.remove() }
    let package = try Self.zip(
      Self.good(story: Self.story.replacingOccurrences(of: "Kern Safety Circles", with: "Tulare")), in: site)
    let before = try Self.state(site)
    #expect(throws: ImportRefusal.self) { try Self.run(package, in: site) }
    #expect(try Self.state(site) == before)
    let result = try Self.run(package, in: site, slug: "tulare-circles")
    #expect(result.storyPath == "Content/stories/tulare-circles.md")
    #expect(
      try String(contentsOf: site.root.appendingPathComponent("Content/stories/tulare.md"), encoding: .utf8)
        .contains("Story."))
  }

  @Test func refusesAParentFolderEntry() throws {
    var items = Self.good()
    items.insert(Item(name: "files/../../evil.md", data: Data("x".utf8)), at: 0)
    try Self.expectRefusal(items, "climbs out of its folder with '..'")
  }

  @Test func refusesAnAbsolutePath() throws {
    var items = Self.good()
    items.insert(Item(name: "/tmp/evil.md", data: Data("x".utf8)), at: 0)
    try Self.expectRefusal(items, "has an absolute path")
  }

  @Test func refusesASymbolicLink() throws {
    var items = Self.good()
    items.insert(Item(name: "files/link.pdf", data: Data("/etc/passwd".utf8), type: .symlink), at: 0)
    try Self.expectRefusal(items, "is a symbolic link")
  }

  @Test func refusesMoreFilesThanTheLimit() throws {
    var files = [Item(name: "story.md", data: Data(Self.story.utf8))]
    for index in 0..<4 { files.append(Item(name: "files/sheet\(index).pdf", data: Self.pdf)) }
    try Self.expectRefusal(files + [Self.manifest(files)], "more than the 5 allowed", settings: "share_max_files: 3")
  }

  @Test func refusesAFileLargerThanTheLimit() throws {
    let big = Data(repeating: 0x41, count: 1_048_576 + 1)
    let files = [Item(name: "story.md", data: Data(Self.story.utf8)), Item(name: "files/circles.pdf", data: big)]
    try Self.expectRefusal(
      files + [Self.manifest(files)], "more than the 1048576 allowed", settings: "share_max_megabytes: 1")
  }

  @Test func refusesAZipBombRatio() throws {
    let zeros = Data(count: 5_000_000)
    let files = [
      Item(name: "story.md", data: Data(Self.story.utf8)),
      Item(name: "files/circles.pdf", data: zeros, method: .deflate),
    ]
    try Self.expectRefusal(files + [Self.manifest(files)], "as a zip bomb is")
  }

  @Test func refusesAnEntryThatUnpacksToMoreThanItDeclares() throws {
    let site = try Self.site()
    defer { site.remove() }
    let zeros = Data(count: 200_000)
    let files = [
      Item(name: "story.md", data: Data(Self.story.utf8)),
      Item(name: "files/circles.pdf", data: zeros, method: .deflate),
    ]
    let url = try Self.zip(files + [Self.manifest(files)], in: site)
    // Rewrites the declared size of the deflated entry, in its local header and central directory, to 1,000 bytes.
    var bytes = [UInt8](try Data(contentsOf: url))
    func uint32(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
    var patched = 0
    for offset in 0..<(bytes.count - 46) {
      let signature = uint32(offset)
      let sizeField = signature == 0x0403_4b50 ? 22 : signature == 0x0201_4b50 ? 24 : -1
      guard sizeField >= 0, uint32(offset + sizeField) == 200_000 else { continue }
      for byte in 0..<4 { bytes[offset + sizeField + byte] = UInt8(truncatingIfNeeded: 1_000 >> (8 * byte)) }
      patched += 1
    }
    #expect(patched == 2)
    try Data(bytes).write(to: url)
    let before = try Self.state(site)
    do {
      _ = try Self.run(url, in: site)
      Issue.record("the import should have been refused")
    } catch {
      #expect(error.description.contains("unpacks to more than the 1000 bytes it declares"), "\(error.description)")
    }
    #expect(try Self.state(site) == before)
  }

  @Test func refusesAFileMissingFromTheManifest() throws {
    let files = [Item(name: "story.md", data: Data(Self.story.utf8))]
    try Self.expectRefusal(
      files + [Item(name: "files/circles.pdf", data: Self.pdf), Self.manifest(files)],
      "'files/circles.pdf' is not listed in manifest.json")
  }

  @Test func refusesAFileListedButMissing() throws {
    let files = [Item(name: "story.md", data: Data(Self.story.utf8)), Item(name: "files/circles.pdf", data: Self.pdf)]
    try Self.expectRefusal(
      [files[0], Self.manifest(files)], "manifest.json lists 'files/circles.pdf', which is not in the package")
  }

  @Test func refusesAFileThatDoesNotMatchTheManifest() throws {
    let files = [Item(name: "story.md", data: Data(Self.story.utf8)), Item(name: "files/circles.pdf", data: Self.pdf)]
    var changed = files
    changed[1].data = Data("%PDF-1.4 changed".utf8)
    try Self.expectRefusal(changed + [Self.manifest(files)], "does not match manifest.json")
  }

  @Test func refusesAPackageWithoutAManifest() throws {
    try Self.expectRefusal(Array(Self.good().dropLast()), "the package has no manifest.json")
  }

  @Test func refusesANonUTF8Story() throws {
    var bytes = Data(Self.story.utf8)
    bytes.append(contentsOf: [0xC3, 0x28])
    let files = [Item(name: "story.md", data: bytes), Item(name: "files/circles.pdf", data: Self.pdf)]
    try Self.expectRefusal(files + [Self.manifest(files)], "share.zip/story.md:12:1: error: the file is not UTF-8 text")
  }

  @Test func refusesAMalformedStory() throws {
    let files = [
      Item(name: "story.md", data: Data("---\ntitle: [unclosed\n---\nText.\n".utf8)),
      Item(name: "files/circles.pdf", data: Self.pdf),
    ]
    try Self.expectRefusal(files + [Self.manifest(files)], "share.zip/story.md:2:17: error: YAML syntax")
  }

  @Test func refusesAStoryMissingRequiredFields() throws {
    try Self.expectRefusal(
      Self.good(story: Self.story.replacingOccurrences(of: "date: 2024-05-01\n", with: "")),
      "missing required field 'date'")
  }

  @Test func refusesAnUnknownCounty() throws {
    try Self.expectRefusal(
      Self.good(story: Self.story.replacingOccurrences(of: "county: Kern", with: "county: Kernn")),
      "share.zip/story.md:1:1: error: unknown county 'Kernn' (did you mean 'Kern'?)")
  }

  @Test func refusesAnUnknownRole() throws {
    try Self.expectRefusal(
      Self.good(story: Self.story.replacingOccurrences(of: "[line-staff]", with: "[line-staf]")),
      "share.zip/story.md:7:9: error: unknown role 'line-staf' (did you mean 'line-staff'?)")
  }

  @Test func refusesAFileTypeTheSiteDoesNotTake() throws {
    let files = [Item(name: "story.md", data: Data(Self.story.utf8)), Item(name: "files/run.exe", data: Self.pdf)]
    try Self.expectRefusal(files + [Self.manifest(files)], "'files/run.exe' is not a kind of file the site takes")
  }

  @Test func refusesABrokenLinkWithTheCheckRules() throws {
    try Self.expectRefusal(
      Self.good(story: Self.story.replacingOccurrences(of: "files/circles.pdf", with: "files/missing.pdf")),
      "share.zip/story.md:11:")
  }

  @Test func strictRefusesWhatTheConfidentialityCheckFinds() throws {
    let story = Self.story.replacingOccurrences(
      of: "the network grew.", with: "the network grew. Call (661) 555-0134.")
    try Self.expectRefusal(Self.good(story: story), "share.zip/story.md:9:", strict: true)
    let site = try Self.site()
    defer { site.remove() }
    let result = try Self.run(try Self.zip(Self.good(story: story), in: site), in: site)
    #expect(result.warnings.map(\.description).contains { $0.contains("story.md:9:") && $0.contains("phone number") })
  }

  @Test func refusesAFileThatIsNotAZip() throws {
    let site = try Self.site()
    defer { site.remove() }
    let url = site.root.appendingPathComponent("share.zip")
    try Data("not a zip".utf8).write(to: url)
    let before = try Self.state(site)
    #expect(throws: ImportRefusal.self) { try Self.run(url, in: site) }
    #expect(try Self.state(site) == before)
  }

  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(of: Data(repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
