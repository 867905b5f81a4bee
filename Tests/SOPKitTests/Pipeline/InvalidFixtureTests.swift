import Foundation
import Testing

@testable import SOPKit

/// Each folder of Tests/Fixtures/invalid is a small site with one kind of mistake, laid over
/// Tests/Fixtures/base; its `expected.txt` holds the exact lines `sopkit check` prints for it, and its `remove.txt`, if
/// any, the files of the base to leave out.
@Suite struct InvalidFixtureTests {
  static let fixtures = TemporarySite.repository.appendingPathComponent("Tests/Fixtures")

  static let cases: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("invalid").path)) ?? [])
    .sorted()

  @Test func thereIsAFixtureForEveryKindOfMistake() {
    #expect(Self.cases.count >= 30)
  }

  @Test(arguments: cases)
  func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-fixture-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fixture = Self.fixtures.appendingPathComponent("invalid/\(name)")
    for folder in ["Templates", "Public"] {
      try copyTree(TemporarySite.repository.appendingPathComponent(folder), into: root.appendingPathComponent(folder))
    }
    try copyTree(Self.fixtures.appendingPathComponent("base"), into: root)
    for folder in ["Content", "Templates"] {
      try copyTree(fixture.appendingPathComponent(folder), into: root.appendingPathComponent(folder))
    }
    let removals = (try? String(contentsOf: fixture.appendingPathComponent("remove.txt"), encoding: .utf8)) ?? ""
    for path in removals.split(separator: "\n") {
      try FileManager.default.removeItem(at: root.appendingPathComponent(String(path)))
    }
    let diagnostics: [Diagnostic]
    do {
      diagnostics = try SiteBuilder(project: Project(base: root), options: BuildOptions(writeOutput: false)).build()
        .warnings
    } catch {
      diagnostics = error.diagnostics
    }
    let actual = diagnostics.map(\.description)
    let expectedURL = fixture.appendingPathComponent("expected.txt")
    let expected = (try? String(contentsOf: expectedURL, encoding: .utf8))?.split(separator: "\n").map(String.init)
    #expect(actual == expected, "\(name) printed:\n\(actual.joined(separator: "\n"))")
    #expect(!actual.isEmpty)
  }

  /// Copies every file below `source` into `destination`, replacing files of the same path; links stay links.
  private func copyTree(_ source: URL, into destination: URL) throws {
    let manager = FileManager.default
    guard let paths = manager.enumerator(atPath: source.path)?.compactMap({ $0 as? String }) else { return }
    for path in paths {
      let from = source.appendingPathComponent(path)
      let to = destination.appendingPathComponent(path)
      let attributes = try manager.attributesOfItem(atPath: from.path)
      if attributes[.type] as? FileAttributeType == .typeDirectory {
        try manager.createDirectory(at: to, withIntermediateDirectories: true)
        continue
      }
      try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
      if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
      if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
        try manager.createSymbolicLink(
          atPath: to.path, withDestinationPath: manager.destinationOfSymbolicLink(atPath: from.path))
      } else {
        try manager.copyItem(at: from, to: to)
      }
    }
  }
}
