import Foundation
import Testing

/// Structure-aware fuzzing: small sites damaged by `SiteMutator` are checked by the `sopkit` binary in a process of its
/// own, so that a crash is caught. A finding is a crash (an exit other than 0 or 1), a check that runs past its time
/// limit, or a diagnostic whose place is not in its file.
///
/// `swift test` runs it for `SOPKIT_FUZZ_SECONDS` (default 40) from `SOPKIT_FUZZ_SEED` (default 21); a long run is
/// `Benchmarks/fuzz.sh`.
@Suite struct FuzzTests {
  static let seconds = Double(ProcessInfo.processInfo.environment["SOPKIT_FUZZ_SECONDS"] ?? "") ?? 40
  static let seed = UInt64(ProcessInfo.processInfo.environment["SOPKIT_FUZZ_SEED"] ?? "") ?? 21
  /// `SOPKIT_FUZZ_BINARY` names another build of sopkit to fuzz (an older one, to see the harness find its faults).
  static let binary =
    ProcessInfo.processInfo.environment["SOPKIT_FUZZ_BINARY"].map(URL.init(fileURLWithPath:))
    ?? Command.sopkit
  /// A check of a site this small takes under two seconds; a stall takes far longer.
  static let timeout = 60.0

  static let story = """
    ---
    title: A network meeting
    date: 2024-03-01
    summary: What happened when the network met.
    region: central
    roles: [line-staff, supervisors]
    tags: [networks]
    ---
    The family's [network](../guides/safety-house.md#draw-it) met on a Tuesday.

    ## What changed

    - Grandmother joined.
    - The school called back.
    """

  static let page = """
    ---
    title: About
    ---
    # About this toolkit

    Read the [guide](../guides/safety-house.md) first, then the [story](../stories/network.md).
    """

  @Test func damagedSitesNeverCrashStallOrPointOutsideTheirFiles() throws {
    var random = FuzzRandom(seed: Self.seed)
    let deadline = Date().addingTimeInterval(Self.seconds)
    var cases = 0
    var findings: [String] = []
    while Date() < deadline, findings.isEmpty {
      let caseSeed = random.next()
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-fuzz-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try makeSite(at: root)
      var mutator = SiteMutator(root: root, random: FuzzRandom(seed: caseSeed))
      try mutator.mutate()
      let result = try Command.run(
        Self.binary, ["check", "--content", "Content", "--templates", "Templates", "--public", "Public"], in: root,
        timeout: Self.timeout)
      cases += 1
      var problems: [String] = []
      if result.timedOut { problems.append("timed out after \(Self.timeout) s") }
      if !result.timedOut && result.status != 0 && result.status != 1 {
        problems.append("exited with status \(result.status) (a crash)")
      }
      problems += DiagnosticPlaces.problems(in: result.standardError, root: root)
      if !problems.isEmpty {
        findings.append(
          "case seed \(caseSeed) (run seed \(Self.seed), case \(cases)): \(problems.joined(separator: "; "))\nmutations: \(mutator.log)\n\(result.transcript.prefix(2000))"
        )
      }
    }
    print("fuzzing: \(cases) sites in \(Int(Self.seconds)) s from seed \(Self.seed), \(findings.count) findings")
    #expect(findings.isEmpty, "\(findings.joined(separator: "\n\n"))")
    #expect(cases > 0)
  }

  /// The fixture base site, the repository's templates and theme, a story and an about page.
  private func makeSite(at root: URL) throws {
    let manager = FileManager.default
    let repository = Command.repository
    try manager.copyItem(at: repository.appendingPathComponent("Tests/Fixtures/base"), to: root)
    for folder in ["Templates", "Public"] {
      try manager.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
    }
    for (path, text) in ["Content/stories/network.md": Self.story, "Content/pages/about.md": Self.page] {
      let url = root.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data((text + "\n").utf8).write(to: url)
    }
  }
}
