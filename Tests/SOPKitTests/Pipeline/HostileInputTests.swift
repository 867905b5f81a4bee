import Foundation
import Testing

@testable import SOPKit

/// No input makes sopkit crash: huge and deeply nested files, and a bounded run of randomly damaged
/// copies of the sample content, each end in a site or in diagnostics with locations.
@Suite struct HostileInputTests {
  @Test func aFiftyMegabyteGuideAndTenThousandLevelsOfNestingBuild() throws {
    let paragraph = String(repeating: "Safety planning with the family network is ongoing work. ", count: 10) + "\n\n"
    let huge = String(repeating: paragraph, count: 50 * 1024 * 1024 / paragraph.utf8.count + 1)
    let site = try TemporarySite([
      "Content/guides/huge.md": TemporarySite.guide("Huge", body: huge),
      "Content/guides/quotes.md": TemporarySite.guide("Quotes", body: String(repeating: ">", count: 10_000) + " deep"),
      "Content/guides/lists.md": TemporarySite.guide(
        "Lists", body: (0..<10_000).map { String(repeating: " ", count: $0 * 2) + "- item" }.joined(separator: "\n")),
      "Content/guides/emphasis.md": TemporarySite.guide(
        "Emphasis", body: String(repeating: "*", count: 50_000) + "x" + String(repeating: "[", count: 50_000)),
      "Content/guides/yaml.md": TemporarySite.guide(
        "Yaml", extra: "tags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
    ])
    defer { site.remove() }
    let lines = site.failure()
    #expect(
      lines == [
        "Content/guides/yaml.md:5:8: error: YAML syntax: Maximum nesting level reached (while parsing on line 5): the lists or groups are nested too deeply"
      ])
  }

  @Test func randomlyDamagedContentNeverCrashes() throws {
    let sample = TemporarySite.repository.appendingPathComponent("Content")
    let firstStory =
      (try? FileManager.default.contentsOfDirectory(atPath: sample.appendingPathComponent("stories").path))?
      .filter { $0.hasSuffix(".md") }.sorted().first ?? ""
    let sources = [
      "site.yaml", "contacts.yaml", "guides/three-houses.md", "stories/\(firstStory)", "pages/about-sop.md",
    ]
    .compactMap { path in (try? Data(contentsOf: sample.appendingPathComponent(path))).map { (path, $0) } }
    try #require(sources.count >= 4, "the sample content moved")
    var random = SplitMix64(seed: 20_261_124)
    let tokens = Array("---\n: - [ ] { } & * ! | > ' \" # \t \0 \u{FEFF} é 𝒳 ](x.md#y) ![a](../../b) <script> ```".utf8)
    let started = Date()
    var runs = 0
    while runs < 300 && Date().timeIntervalSince(started) < 20 {
      runs += 1
      var files: [String: Data] = [:]
      for (path, data) in sources {
        var bytes = [UInt8](data)
        for _ in 0..<Int(random.next() % 6) {
          guard !bytes.isEmpty else { break }
          let at = Int(random.next() % UInt64(bytes.count))
          switch random.next() % 4 {
          case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
          case 1: bytes.insert(tokens[Int(random.next() % UInt64(tokens.count))], at: at)
          case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 40)))
          default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 30)], at: at)
          }
        }
        files["Content/\(path)"] = Data(bytes)
      }
      let site = try TemporarySite(data: files)
      defer { site.remove() }
      do {
        _ = try SiteBuilder(project: site.project, options: BuildOptions(writeOutput: false)).build()
      } catch {
        for diagnostic in error.diagnostics {
          #expect(diagnostic.location.path.hasPrefix("Content/") || diagnostic.location.path.hasPrefix("Templates/"))
          #expect(!diagnostic.message.isEmpty)
        }
      }
    }
    #expect(runs >= 20)
  }
}

/// A small seeded random-number generator, so every run damages the files the same way.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
