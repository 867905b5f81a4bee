import Foundation
import Testing

extension ExternalProcessTests {
  /// `sopkit bundle` and `--overlay` as a county uses them, with the real binary.
  @Suite(.serialized) struct BundleTests {
    static let overlay = "Tests/Fixtures/overlay"

    static func temporaryFolder() throws -> URL {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-bundle-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      return folder
    }

    @Test func theSameInputMakesTheSameZipWhateverTheClockOrTimeZone() throws {
      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let first = try Command.run(Command.sopkit, ["bundle", "--output", folder.appendingPathComponent("a.zip").path])
      #expect(first.status == 0, "\(first.transcript)")
      #expect(first.standardOutput.contains("folder safety-organized-practice-toolkit-"), "\(first.transcript)")
      // Past ZIP's two-second clock, and on the other side of the date line.
      Thread.sleep(forTimeInterval: 2.1)
      let second = try Command.run(
        Command.sopkit, ["bundle", "--output", folder.appendingPathComponent("b.zip").path],
        environment: ["TZ": "Pacific/Kiritimati"])
      #expect(second.status == 0, "\(second.transcript)")
      let a = try Data(contentsOf: folder.appendingPathComponent("a.zip"))
      #expect(a.count > 10_000)
      #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.zip"))))

      let dated = try Command.run(
        Command.sopkit, ["bundle", "--output", folder.appendingPathComponent("c.zip").path],
        environment: ["SOURCE_DATE_EPOCH": "1700000000"])
      #expect(
        dated.standardOutput.contains("folder safety-organized-practice-toolkit-2023-11-14/"), "\(dated.transcript)")
      let wrong = try Command.run(Command.sopkit, ["bundle"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
      #expect(wrong.status == 2 && wrong.standardError.contains("SOURCE_DATE_EPOCH"), "\(wrong.transcript)")
    }

    @Test func anUnzippedCountyBundleWorksFromDiskInChromium() throws {
      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let zip = folder.appendingPathComponent("kern.zip")
      let result = try Command.sopkit(["bundle", "--overlay", Self.overlay, "--output", zip.path])
      #expect(result.status == 0, "\(result.transcript)")
      try BrowserScript.run("bundle_test.py", site: zip)
    }

    @Test func theOverlayFixtureAddsAPageAndAContactAndReplacesAGuide() throws {
      let check = try Command.sopkit(["check", "--overlay", Self.overlay])
      #expect(check.status == 0, "\(check.transcript)")
      #expect(
        check.standardOutput == """
          Tests/Fixtures/overlay/guides/safety-plans.md: replaces Content/guides/safety-plans.es.md
          Tests/Fixtures/overlay/guides/safety-plans.md: replaces Content/guides/safety-plans.md
          2 statewide files replaced by the overlay

          """)

      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let output = folder.appendingPathComponent("site")
      let build = try Command.sopkit(["build", "--overlay", Self.overlay, "--output", output.path])
      #expect(build.status == 0, "\(build.transcript)")
      func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
      }
      let county = try page("kern-resources.html")
      #expect(county.contains("<h1>Kern County resources</h1>") && county.contains("Local page: Kern County"))
      #expect(try page("index.html").contains("<a href=\"kern-resources.html\">Kern County resources</a>"))
      let contacts = try page("contacts.html")
      #expect(contacts.contains("<h2 id=\"kern-title\">Kern County SOP team</h2>"))
      #expect(contacts.contains("Kern County SOP Coordinator") && contacts.contains("Kern Training Liaison"))
      let guide = try page("guides/safety-plans.html")
      #expect(guide.contains("id=\"kern-checklist\"") && !guide.contains("What makes a good safety plan"))
      #expect(guide.contains("Local page: Kern County"))
      #expect(!(try page("guides/three-houses.html")).contains("Local page"))
      #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("images/kern-logo.svg").path))
    }

    /// The county's notice, logo, badges and the build stamp, checked like the sample build (vnu, axe-core).
    @Test func aStampedCountyCopyIsValidHTMLAndPassesAxe() throws {
      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let output = folder.appendingPathComponent("site")
      let build = try Command.sopkit(["build", "--overlay", Self.overlay, "--stamp", "--output", output.path])
      #expect(build.status == 0, "\(build.transcript)")
      #expect(
        try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("build-stamp"))
      try BrowserScript.run("validate_test.py", site: output)
      try BrowserScript.run("a11y_test.py", site: output)
    }

    @Test func serveShowsTheOverlayAndRebuildsWhenItChanges() throws {
      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let overlay = folder.appendingPathComponent("kern")
      try FileManager.default.copyItem(at: Command.repository.appendingPathComponent(Self.overlay), to: overlay)
      let server = try ServerProcess(
        Command.sopkit, ["serve", "--port", "0", "--overlay", overlay.path], in: Command.repository)
      defer { server.stop() }
      var base: URL?
      ServerProcess.waitUntil(timeout: 60) {
        base = server.standardOutput.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }
          .flatMap { URL(string: String($0)) }
        return base != nil || !server.isRunning
      }
      guard let base else {
        Issue.record("no address printed:\n\(server.transcript)")
        return
      }
      let pageURL = base.appendingPathComponent("kern-resources.html")
      #expect(HTTPFetch.get(pageURL)?.body.contains("<h1>Kern County resources</h1>") == true)
      let page = overlay.appendingPathComponent("pages/kern-resources.md")
      let original = try String(contentsOf: page, encoding: .utf8)
      try Data(original.replacingOccurrences(of: "title: Kern County resources", with: "title: Kern services").utf8)
        .write(to: page)
      #expect(
        ServerProcess.waitUntil(timeout: 10) {
          HTTPFetch.get(pageURL)?.body.contains("<h1>Kern services</h1>") == true
        }, "\(server.transcript)")
      try Data("regions:\n  - id: central\n    name: Central again\n".utf8)
        .write(to: overlay.appendingPathComponent("contacts.yaml"))
      #expect(
        ServerProcess.waitUntil(timeout: 10) {
          HTTPFetch.get(pageURL)?.body.contains("kern/contacts.yaml:2:9: error: the region id") == true
        }, "\(server.transcript)")
      #expect(server.stop() == 0, "\(server.transcript)")
    }

    @Test func aMissingOverlayIsAnErrorAndWritesNoZip() throws {
      let folder = try Self.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let zip = folder.appendingPathComponent("x.zip")
      let result = try Command.sopkit(["bundle", "--overlay", "no-such-county", "--output", zip.path])
      #expect(result.status == 1, "\(result.transcript)")
      #expect(
        result.standardError.contains(
          "no-such-county:1:1: error: the overlay folder does not exist; it should be laid out like Content/"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
  }

  /// The sample build served by nginx under /sop/, as on a county intranet (Tests/Browser/nginx_test.py).
  struct HostingTests {
    @Test func nginxServesTheSiteUnderASubPathWithEveryLinkAndSearchWorking() throws {
      try BrowserScript.run("nginx_test.py")
    }
  }
}
