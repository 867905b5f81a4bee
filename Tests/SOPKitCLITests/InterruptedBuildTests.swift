import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension ExternalProcessTests {
  /// `kill -9` in the middle of a build: the output folder is the old site or the new one, whole, never a mix,
  /// and the next build clears what the killed one left behind.
  @Suite struct InterruptedBuildTests {
    @Test func aKilledBuildNeverLeavesAPartialSite() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-kill-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try writeSite(at: root, guides: 1500, edition: "first")
      let templates = Command.repository.appendingPathComponent("Templates").path
      let publicFolder = Command.repository.appendingPathComponent("Public").path
      let arguments = ["build", "--templates", templates, "--public", publicFolder]
      let first = try Command.sopkit(arguments, in: root, timeout: 300)
      try #require(first.status == 0, "\(first.transcript)")
      let before = try snapshot(root.appendingPathComponent("Output"))

      try writeSite(at: root, guides: 1500, edition: "second")
      let process = Process()
      process.executableURL = Command.sopkit
      process.arguments = arguments
      process.currentDirectoryURL = root
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      var sawStaging = false
      let deadline = Date().addingTimeInterval(240)
      while process.isRunning && Date() < deadline {
        if try stagingFolders(in: root).count > 0 {
          sawStaging = true
          kill(process.processIdentifier, SIGKILL)
          break
        }
        usleep(1000)
      }
      process.waitUntilExit()
      #expect(sawStaging, "the build finished before it could be interrupted")
      let after = try snapshot(root.appendingPathComponent("Output"))
      if try stagingFolders(in: root).isEmpty {
        #expect(after.values.contains { String(decoding: $0, as: UTF8.self).contains("Guide 1 (second)") })
      } else {
        #expect(after == before, "the output changed although the build was killed before its swap")
      }

      let next = try Command.sopkit(arguments, in: root, timeout: 300)
      #expect(next.status == 0, "\(next.transcript)")
      #expect(try stagingFolders(in: root).isEmpty)
    }

    private func stagingFolders(in root: URL) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Output.staging-") }
    }

    private func writeSite(at root: URL, guides: Int, edition: String) throws {
      let manager = FileManager.default
      try manager.createDirectory(at: root.appendingPathComponent("Content/guides"), withIntermediateDirectories: true)
      try Data("title: Interrupted\nroles:\n  - id: staff\n    name: Staff\n".utf8)
        .write(to: root.appendingPathComponent("Content/site.yaml"))
      let paragraph = String(repeating: "Safety planning is ongoing work with the family and its network. ", count: 40)
      for number in 1...guides {
        let text =
          "---\ntitle: Guide \(number) (\(edition))\nsummary: Guide \(number).\nroles: [staff]\n---\n## Part\n\n\(paragraph)\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("Content/guides/guide-\(number).md"))
      }
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
      var files: [String: Data] = [:]
      for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
          files[path] = try Data(contentsOf: url)
        }
      }
      return files
    }
  }
}
