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

      var base: URL?
      ServerProcess.waitUntil(timeout: 60) {
        base = server.standardOutput.split(separator: "\n")
          .first { $0.hasPrefix("Serving the site at ") }
          .flatMap { $0.split(separator: " ").first { $0.hasPrefix("http://") } }
          .flatMap { URL(string: String($0)) }
        return base != nil || !server.isRunning
      }
      guard let base, let port = base.port else {
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
