import Foundation
import Testing

extension ExternalProcessTests {
  /// `sopkit serve` end to end: the real binary on a free port, serving a copy of the sample site.
  @Suite(.serialized) struct ServeTests {
    @Test func servesRebuildsReloadsShowsErrorsAndStopsCleanly() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-serve-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      for folder in ["Content", "Templates", "Public"] {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
          at: Command.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
      }
      try Data("not part of the site".utf8).write(to: root.appendingPathComponent("secret.txt"))
      let server = try ServerProcess(Command.sopkit, ["serve", "--port", "0"], in: root)
      defer { server.stop() }

      guard let base = server.address(), let port = base.port else {
        Issue.record("no address printed:\n\(server.transcript)")
        return
      }
      #expect(base.host == "127.0.0.1")
      #expect(server.standardOutput.contains("Built "))

      let guideURL = base.appendingPathComponent("guides/three-houses.html")
      let first = HTTPFetch.get(guideURL)
      #expect(first?.status == 200)
      #expect(first?.body.contains("House of Worries") == true)
      #expect(first?.body.contains("data-build=\"1\"") == true)
      #expect(HTTPFetch.get(base)?.body.contains("<main") == true)
      #expect(HTTPFetch.get(base.appendingPathComponent("nope.html"))?.status == 404)
      for rawPath in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/guides/..%2f..%2fsecret.txt"] {
        #expect(try HTTPFetch.rawStatus(port: port, rawPath: rawPath) == 404, "\(rawPath)")
      }

      let events = HTTPFetch.EventCollector(base.appendingPathComponent("_sopkit/events"))
      defer { events.cancel() }
      #expect(ServerProcess.waitUntil(timeout: 10) { events.text.contains("data: 1\n") }, "\(events.text)")

      let guide = root.appendingPathComponent("Content/guides/three-houses.md")
      let original = try String(contentsOf: guide, encoding: .utf8)
      try Data(original.replacingOccurrences(of: "House of Worries", with: "House of Concerns").utf8).write(to: guide)
      #expect(
        ServerProcess.waitUntil(timeout: 10) { HTTPFetch.get(guideURL)?.body.contains("House of Concerns") == true },
        "\(server.transcript)")
      #expect(
        ServerProcess.waitUntil(timeout: 10) { events.text.contains("event: build\ndata: 2\n") }, "\(events.text)")

      try Data(original.replacingOccurrences(of: "roles: [line-staff, supervisors]", with: "roles: [line-staf]").utf8)
        .write(to: guide)
      var broken: HTTPFetch.Page?
      #expect(
        ServerProcess.waitUntil(timeout: 10) {
          broken = HTTPFetch.get(guideURL)
          return broken?.status == 500
        }, "\(server.transcript)")
      #expect(broken?.body.contains("Content/guides/three-houses.md:4:9: error: unknown role") == true)
      #expect(server.standardError.contains("Content/guides/three-houses.md:4:9: error: unknown role 'line-staf'"))
      #expect(HTTPFetch.get(base.appendingPathComponent("css/site.css"))?.status == 200)

      try Data(original.utf8).write(to: guide)
      #expect(
        ServerProcess.waitUntil(timeout: 10) {
          let page = HTTPFetch.get(guideURL)
          return page?.status == 200 && page?.body.contains("House of Worries") == true
        }, "\(server.transcript)")

      #expect(server.stop() == 0, "\(server.transcript)")
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }

    /// A copy of the sample project's folders under a new temporary folder, `Content` copied as `contentName`.
    static func project(_ label: String, contentName: String = "Content") throws -> URL {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-\(label)-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      for folder in ["Content", "Templates", "Public"] {
        try FileManager.default.copyItem(
          at: Command.repository.appendingPathComponent(folder),
          to: root.appendingPathComponent(folder == "Content" ? contentName : folder))
      }
      return root
    }

    /// Writes `text` in place of `old` in the file at `path` under `root`.
    static func edit(_ path: String, in root: URL, replacing old: String, with text: String) throws {
      let url = root.appendingPathComponent(path)
      let original = try String(contentsOf: url, encoding: .utf8)
      #expect(original.contains(old), "\(path) holds no '\(old)'")
      try Data(original.replacingOccurrences(of: old, with: text).utf8).write(to: url)
    }

    @Test func aBusyPortFailsBeforeBuildingAndAStopPrintsNothing() throws {
      let root = try Self.project("port")
      defer { try? FileManager.default.removeItem(at: root) }
      let first = try ServerProcess(Command.sopkit, ["serve", "--port", "0"], in: root)
      defer { first.stop() }
      guard let port = first.address()?.port else {
        Issue.record("no address printed:\n\(first.transcript)")
        return
      }
      #expect(port != 0)
      let start = Date()
      let second = try Command.sopkit(["serve", "--port", String(port)], in: root, timeout: 60)
      #expect(second.status == 1, "\(second.transcript)")
      #expect(
        second.standardError
          == "error: port \(port) is already in use; choose another with --port, or --port 0 for any free one\n")
      // Nothing was built: the port is taken before the site is.
      #expect(second.standardOutput == "")
      #expect(Date().timeIntervalSince(start) < 10)
      #expect(first.stop() == 0)
      // No library log lines (`[HummingbirdCore] Waiting on child channel: CancellationError()`) on a normal stop.
      #expect(first.standardError == "", "\(first.transcript)")
    }

    @Test func aSymlinkedContentFolderIsBuiltCheckedAndServedAndAReplacedOneIsWatchedAgain() throws {
      let root = try Self.project("symlink", contentName: "Content-A")
      defer { try? FileManager.default.removeItem(at: root) }
      let manager = FileManager.default
      try manager.createSymbolicLink(
        atPath: root.appendingPathComponent("Content").path, withDestinationPath: "Content-A")
      // Templates/ and Public/ may be links as well.
      for folder in ["Templates", "Public"] {
        try manager.moveItem(at: root.appendingPathComponent(folder), to: root.appendingPathComponent("\(folder)-A"))
        try manager.createSymbolicLink(
          atPath: root.appendingPathComponent(folder).path, withDestinationPath: "\(folder)-A")
      }

      let direct = try Command.sopkit(
        [
          "build", "--content", "Content-A", "--templates", "Templates-A", "--public", "Public-A", "--output", "Direct",
        ],
        in: root)
      let linked = try Command.sopkit(["build"], in: root)
      #expect(linked.status == 0, "\(linked.transcript)")
      // `Built 165 pages (17 guides, 6 stories; 257 files) into Output in 6.50 s`: the same, but for the time.
      let counts = { (output: String) in
        output.split(separator: "\n").first { $0.hasPrefix("Built ") }?.components(separatedBy: " into ").first ?? ""
      }
      #expect(counts(linked.standardOutput) == counts(direct.standardOutput), "\(linked.transcript)")
      #expect(!counts(linked.standardOutput).contains("(0 guides"), "\(linked.transcript)")
      for page in ["guides/three-houses.html", "css/site.css"] {
        #expect(manager.fileExists(atPath: root.appendingPathComponent("Output/\(page)").path), "\(page)")
      }
      try Self.edit(
        "Content-A/guides/three-houses.md", in: root, replacing: "roles: [line-staff, supervisors]",
        with: "roles: [line-staf]")
      let check = try Command.sopkit(["check"], in: root)
      #expect(check.status == 1)
      #expect(
        check.standardError.contains("Content/guides/three-houses.md:4:9: error: unknown role 'line-staf'"),
        "\(check.transcript)")
      try Self.edit(
        "Content-A/guides/three-houses.md", in: root, replacing: "roles: [line-staf]",
        with: "roles: [line-staff, supervisors]")

      let server = try ServerProcess(Command.sopkit, ["serve", "--port", "0"], in: root)
      defer { server.stop() }
      guard let base = server.address() else {
        Issue.record("no address printed:\n\(server.transcript)")
        return
      }
      let guide = base.appendingPathComponent("guides/three-houses.html")
      let serves = { (text: String) in
        ServerProcess.waitUntil(timeout: 15) { HTTPFetch.get(guide)?.body.contains(text) == true }
      }
      #expect(serves("House of Worries"), "\(server.transcript)")

      // The link pointed elsewhere at once, as a deploy script does (a new link renamed over the old one).
      try manager.copyItem(at: root.appendingPathComponent("Content-A"), to: root.appendingPathComponent("Content-B"))
      try Self.edit(
        "Content-B/guides/three-houses.md", in: root, replacing: "House of Worries", with: "House of Concerns")
      try manager.createSymbolicLink(
        atPath: root.appendingPathComponent("Content.new").path, withDestinationPath: "Content-B")
      #expect(rename(root.appendingPathComponent("Content.new").path, root.appendingPathComponent("Content").path) == 0)
      #expect(serves("House of Concerns"), "\(server.transcript)")
      try Self.edit(
        "Content-B/guides/three-houses.md", in: root, replacing: "House of Concerns", with: "House of Hopes")
      #expect(serves("House of Hopes"), "\(server.transcript)")

      // The folder renamed away and made again, and then edited.
      try manager.moveItem(at: root.appendingPathComponent("Content"), to: root.appendingPathComponent("Content-old"))
      try manager.copyItem(at: root.appendingPathComponent("Content-A"), to: root.appendingPathComponent("Content"))
      #expect(serves("House of Worries"), "\(server.transcript)")
      try Self.edit("Content/guides/three-houses.md", in: root, replacing: "House of Worries", with: "House of Dreams")
      #expect(serves("House of Dreams"), "\(server.transcript)")
      #expect(server.stop() == 0)
    }

    @Test func outOfFileDescriptorsASaveIsSaidAsSuchAndTheLastGoodSiteStaysServed() throws {
      let root = try Self.project("files")
      defer { try? FileManager.default.removeItem(at: root) }
      let limit = 128
      let server = try ServerProcess(
        URL(fileURLWithPath: "/bin/sh"),
        ["-c", "ulimit -n \(limit) && exec \"$0\" serve --port 0", Command.sopkit.path],
        in: root)
      defer { server.stop() }
      guard let base = server.address(), let port = base.port else {
        Issue.record("no address printed:\n\(server.transcript)")
        return
      }
      let guide = base.appendingPathComponent("guides/three-houses.html")
      #expect(HTTPFetch.get(guide)?.body.contains("House of Worries") == true)
      // Idle connections take the server's last descriptors (it accepts them until it can open no more).
      var connections: [Int32] = []
      defer { connections.forEach { close($0) } }
      for _ in 0..<limit {
        guard let fd = HTTPFetch.connection(port: port) else { break }
        connections.append(fd)
      }
      let open = {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(server.processIdentifier)/fd").count) ?? 0
      }
      #expect(ServerProcess.waitUntil(timeout: 5) { open() >= limit }, "the server holds \(open()) descriptors")
      try Self.edit(
        "Content/guides/three-houses.md", in: root, replacing: "House of Worries", with: "House of Concerns")
      #expect(
        ServerProcess.waitUntil(timeout: 15) { server.standardError.contains("error: cannot open more files") },
        "\(server.transcript)")
      #expect(!server.standardError.contains("cannot read the file"), "\(server.transcript)")
      connections.forEach { close($0) }
      connections = []
      // The last good site is still served, not an error page.
      var page: HTTPFetch.Page?
      #expect(
        ServerProcess.waitUntil(timeout: 15) {
          page = HTTPFetch.get(guide)
          return page != nil
        })
      #expect(page?.status == 200)
      #expect(page?.body.contains("House of Worries") == true)
      // The next save is built.
      try Self.edit("Content/guides/three-houses.md", in: root, replacing: "House of Concerns", with: "House of Hopes")
      #expect(
        ServerProcess.waitUntil(timeout: 15) { HTTPFetch.get(guide)?.body.contains("House of Hopes") == true },
        "\(server.transcript)")
      #expect(server.stop() == 0)
    }

    @Test func newWritesAGuideAndRefusesUnknownRoles() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-new-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      for folder in ["Content", "Templates"] {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
          at: Command.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
      }
      let wrote = try Command.sopkit(["new", "guide", "Safety Circles", "--role", "line-staff"], in: root)
      #expect(wrote.status == 0, "\(wrote.transcript)")
      #expect(
        wrote.standardOutput
          == "Wrote Content/guides/safety-circles.md as a draft: 'sopkit serve --drafts' shows it; delete its line 'draft: true' to publish it\n"
      )
      let again = try Command.sopkit(["new", "guide", "Safety Circles", "--role", "line-staff"], in: root)
      #expect(again.status == 1)
      #expect(
        again.standardError
          == "error: 'Content/guides/safety-circles.md' already exists; choose another title or --slug\n")
      let typo = try Command.sopkit(["new", "guide", "Other", "--role", "line-staf"], in: root)
      #expect(typo.status == 1)
      #expect(typo.standardError.contains("unknown role 'line-staf' (did you mean 'line-staff'?)"))
    }

    @Test func newStartsATranslationAndCheckListsEveryGuidesState() throws {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-translate-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: root) }
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      for folder in ["Content", "Templates", "Public"] {
        try FileManager.default.copyItem(
          at: Command.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
      }
      let wrote = try Command.sopkit(
        ["new", "guide", "Mapa de seguridad", "--lang", "es", "--from", "safety-mapping"], in: root)
      #expect(wrote.status == 0, "\(wrote.transcript)")
      #expect(
        wrote.standardOutput
          == "Wrote Content/guides/safety-mapping.es.md as a draft: 'sopkit serve --drafts' shows it; delete its line 'draft: true' to publish it\n"
      )
      let text = try String(
        contentsOf: root.appendingPathComponent("Content/guides/safety-mapping.es.md"), encoding: .utf8)
      let original = try String(
        contentsOf: root.appendingPathComponent("Content/guides/safety-mapping.md"), encoding: .utf8)
      #expect(text.hasPrefix("---\ntitle: \"Mapa de seguridad\"\n"))
      #expect(text.contains("\ndraft: true\n---\n"))
      #expect(text.contains(original.components(separatedBy: "\n").first { $0.hasPrefix("roles:") } ?? "roles:"))
      let unknown = try Command.sopkit(["new", "guide", "X", "--lang", "fr", "--from", "safety-mapping"], in: root)
      #expect(unknown.status == 1)
      #expect(unknown.standardError.hasPrefix("error: 'fr' is not one of the site's languages"))

      let check = try Command.sopkit(["check", "--translations"], in: root)
      #expect(check.status == 0, "\(check.transcript)")
      #expect(check.standardError == "0 errors, 0 warnings\n")
      let lines = check.standardOutput.split(separator: "\n")
      #expect(lines.first == "guide                           es")
      #expect(lines.contains("three-houses                    translated"))
      #expect(lines.contains("safety-mapping                  missing"))
      #expect(lines.last?.hasPrefix("es: 4 translated, 0 outdated, ") == true)
    }
  }
}
