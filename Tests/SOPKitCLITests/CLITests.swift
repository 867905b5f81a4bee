import Foundation
import Testing

extension ExternalProcessTests {
  /// The `sopkit` binary as a user meets it: help, exit codes and the messages printed.
  @Suite struct CLITests {
    @Test func buildsTheSampleSiteWithEveryPageKind() throws {
      let site = try SampleBuild.site()
      for path in [
        "index.html", "guides/index.html", "guides/three-houses.html", "roles/leaders.html", "roles/supervisors.html",
        "roles/line-staff.html", "topics/three-houses.html", "stories/index.html", "stories/feed.xml",
        "contacts.html", "search.html", "about-sop.html", "404.html", "css/site.css",
      ] {
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
      }
    }

    /// glibc's dynamic linker reports each symbol binding; every library's `malloc` must be mimalloc's.
    @Test func allocatesThroughMimalloc() throws {
      let result = try Command.run(Command.sopkit, ["--help"], environment: ["LD_DEBUG": "bindings"])
      try #require(result.status == 0, "\(result.transcript)")
      let mallocBindings = result.standardError.split(separator: "\n").filter { $0.contains("normal symbol `malloc'") }
      #expect(!mallocBindings.isEmpty)
      // "binding file <the caller> [0] to <the library that provides it> [0]: normal symbol `malloc'"
      let providers = mallocBindings.map { $0.split(separator: " to ").last ?? "" }
      #expect(providers.allSatisfy { $0.contains("libmimalloc") }, "\(mallocBindings)")
    }

    @Test func printsHelpForEveryCommand() throws {
      for arguments in [["--help"], ["build", "--help"], ["check", "--help"], ["bundle", "--help"]] {
        let result = try Command.sopkit(arguments)
        #expect(result.status == 0, "\(arguments): \(result.transcript)")
        #expect(result.standardOutput.contains("USAGE: sopkit"), "\(arguments)")
      }
    }

    @Test func exitsWithTwoOnAUsageMistake() throws {
      let result = try Command.sopkit(["build", "--no-such-option"])
      #expect(result.status == 2, "\(result.transcript)")
      #expect(result.standardError.contains("--no-such-option"))
    }

    @Test func exitsWithOneAndNamesTheFileOnAContentError() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-cli-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("Content/guides"), withIntermediateDirectories: true)
      try Data("title: T\nroles:\n  - id: staff\n    name: Staff\n".utf8).write(
        to: root.appendingPathComponent("Content/site.yaml"))
      try Data("---\ntitle: A guide\nroles: [staff]\n---\nText.\n".utf8).write(
        to: root.appendingPathComponent("Content/guides/a.md"))
      try Data("---\ntitle: B guide\nsummary: B.\nroles: [staf]\n---\nText.\n".utf8).write(
        to: root.appendingPathComponent("Content/guides/b.md"))
      let templates = Command.repository.appendingPathComponent("Templates").path
      let result = try Command.sopkit(["build", "--templates", templates, "--public", templates], in: root)
      #expect(result.status == 1, "\(result.transcript)")
      #expect(result.standardError.contains("Content/guides/a.md:2:1: error: missing required field 'summary'"))
      #expect(
        result.standardError.contains("Content/guides/b.md:4:9: error: unknown role 'staf' (did you mean 'staff'?)"))
      #expect(result.standardError.hasSuffix("2 errors, 0 warnings\n"))
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }
  }
}
