import Foundation
import Testing

extension ExternalProcessTests {
  /// The command line as a newcomer meets it: the version, mistyped commands, help, lists of ids, colours and
  /// where the bundle goes.
  @Suite struct NewcomerTests {
    @Test func printsTheVersionAndTheCommit() throws {
      let result = try Command.sopkit(["--version"])
      #expect(result.status == 0, "\(result.transcript)")
      // `swift build` is not told the commit; `.ci/release` is (its test checks the twelve hex digits).
      #expect(result.standardOutput == "sopkit 0.1.0 (commit unknown: built from source, not by .ci/release)\n")
    }

    @Test func suggestsTheCommandMeantAndListsThemAll() throws {
      let typo = try Command.sopkit(["buidl"])
      #expect(typo.status == 2, "\(typo.transcript)")
      #expect(
        typo.standardError
          == "error: 'buidl' is not a sopkit command; did you mean 'build'? The commands are 'build', 'check', 'serve', 'bundle', 'new', 'import', 'list'\n"
      )
      let unknown = try Command.sopkit(["frobnicate"])
      #expect(unknown.status == 2)
      #expect(unknown.standardError.hasPrefix("error: 'frobnicate' is not a sopkit command; the commands are 'build'"))
    }

    @Test func helpShowsOnlyWhatApplies() throws {
      let new = try Command.sopkit(["new", "--help"])
      #expect(new.status == 0, "\(new.transcript)")
      for option in ["--role", "--topic", "--county", "--slug", "--lang", "--from", "--content", "--templates"] {
        #expect(new.standardOutput.contains(option), "\(option)")
      }
      for option in ["--public", "--drafts", "--overlay"] { #expect(!new.standardOutput.contains(option), "\(option)") }
      let bundle = try Command.sopkit(["bundle", "--help"])
      #expect(bundle.standardOutput.contains("in the working directory"), "\(bundle.transcript)")
      #expect(bundle.standardOutput.contains(".gitignore"))
    }

    @Test func listsIdsWithTheirNames() throws {
      let topics = try Command.sopkit(["list", "topics"])
      #expect(topics.status == 0, "\(topics.transcript)")
      let topicRows = Self.rows(topics.standardOutput)
      #expect(topicRows.first?.id == "three-houses" && topicRows.first?.name == "Three Houses")
      #expect(topicRows.contains { $0 == ("supervision-coaching", "Supervision and coaching") })
      let roles = try Command.sopkit(["list", "roles"])
      #expect(Self.rows(roles.standardOutput).map(\.id) == ["leaders", "supervisors", "line-staff"])
      // The overlay adds its own team for Kern, which the statewide Central region serves too: Kern is listed once.
      let counties = try Command.sopkit(["list", "counties", "--overlay", "Tests/Fixtures/overlay"])
      #expect(counties.status == 0, "\(counties.transcript)")
      let kern = Self.rows(counties.standardOutput).filter { $0.id == "Kern" }
      #expect(kern.map(\.name) == ["Kern County SOP team; Central Regional Training Academy"])
      let regions = try Command.sopkit(["list", "regions", "--overlay", "Tests/Fixtures/overlay"])
      #expect(regions.standardOutput.hasPrefix("kern "), "\(regions.transcript)")
      let wrong = try Command.sopkit(["list", "colours"])
      #expect(wrong.status == 2)
    }

    /// The id and the name of each line `sopkit list` printed.
    static func rows(_ output: String) -> [(id: String, name: String)] {
      output.split(separator: "\n").map { line in
        let id = line.prefix { $0 != " " }
        return (String(id), line.dropFirst(id.count).trimmingCharacters(in: .whitespaces))
      }
    }

    /// `script` gives the program a terminal; through a pipe and with NO_COLOR the words are the same, uncoloured.
    @Test func coloursErrorsAndWarningsOnlyOnATerminal() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-colour-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("Content/guides"), withIntermediateDirectories: true)
      try Data("title: T\nroles:\n  - id: staff\n    name: Staff\n".utf8).write(
        to: root.appendingPathComponent("Content/site.yaml"))
      try Data("---\ntitle: B\nsummary: B.\nroles: [staf]\n---\n".utf8).write(
        to: root.appendingPathComponent("Content/guides/b.md"))
      let templates = Command.repository.appendingPathComponent("Templates").path
      let arguments = ["check", "--templates", templates, "--public", templates]
      let commandLine = ([Command.sopkit.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
      // The test runner's own environment may ask for no colour; the terminal run must not inherit that.
      let env = URL(fileURLWithPath: "/usr/bin/env")
      let onTerminal = try Command.run(
        env, ["-u", "NO_COLOR", "TERM=xterm", "script", "-qfec", commandLine, "/dev/null"], in: root)
      let escape = "\u{1B}["
      #expect(onTerminal.standardOutput.contains("\(escape)1;31merror:\(escape)0m"), "\(onTerminal.transcript)")
      #expect(onTerminal.standardOutput.contains("\(escape)1;35mwarning:\(escape)0m"))
      let noColour = try Command.run(
        env, ["NO_COLOR=1", "TERM=xterm", "script", "-qfec", commandLine, "/dev/null"], in: root)
      #expect(!noColour.standardOutput.contains(escape), "\(noColour.transcript)")
      let piped = try Command.sopkit(arguments, in: root)
      #expect(piped.status == 1)
      #expect(!piped.standardError.contains(escape))
      #expect(
        piped.standardError.contains("Content/guides/b.md:4:9: error: unknown role 'staf' (did you mean 'staff'?)"))
      let plain = onTerminal.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      #expect(plain == piped.standardError)
      #expect(noColour.standardOutput.replacingOccurrences(of: "\r\n", with: "\n") == piped.standardError)
    }

    /// In a clone of the project, the zip `bundle` writes by default is where the README says and git ignores it.
    @Test func writesTheDefaultBundleWhereGitIgnoresIt() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-bundle-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      for item in ["Content", "Templates", "Public", ".gitignore"] {
        try FileManager.default.copyItem(
          at: Command.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
      }
      let git = ["-c", "user.name=Test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false"]
      for step in [["init", "-q"], ["add", "-A"], ["commit", "-qm", "project"]] {
        let result = try Command.tool("git", git + step, in: root)
        try #require(result.status == 0, "\(result.transcript)")
      }
      let bundle = try Command.sopkit(["bundle", "--quiet"], in: root, timeout: 300)
      #expect(bundle.status == 0, "\(bundle.transcript)")
      let zips = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".zip") }
      #expect(zips.count == 1 && zips[0].hasPrefix("safety-organized-practice-toolkit-"), "\(zips)")
      let status = try Command.tool("git", ["status", "--porcelain"], in: root)
      #expect(status.status == 0 && status.standardOutput == "", "\(status.transcript)")
    }
  }
}
