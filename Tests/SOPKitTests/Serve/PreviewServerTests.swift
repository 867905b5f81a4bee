import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SOPKit

/// The preview server in process: pages from memory, the reload script, rebuilds, the error page and path safety.
@Suite struct PreviewServerTests {
  /// A temporary site built once in memory, and the application that serves it.
  struct Preview {
    let site: TemporarySite
    let coordinator: RebuildCoordinator
    let events = ReloadEvents()
    let server: PreviewServer

    init() async throws {
      site = try TemporarySite(SiteBuilderTests.files)
      server = PreviewServer(
        builder: SiteBuilder(project: site.project, options: BuildOptions(writeOutput: false)), port: 0
      ) { _ in }
      coordinator = RebuildCoordinator(builder: server.builder, events: events) { _ in }
      await coordinator.rebuild()
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
      try await server.application(coordinator: coordinator, events: events, watching: false).test(.router, body)
    }
  }

  @Test func servesPagesFromMemoryWithTheReloadScript() async throws {
    let preview = try await Preview()
    defer { preview.site.remove() }
    try await preview.test { client in
      for path in ["/", "/guides/", "/guides/three-houses.html", "/about.html"] {
        try await client.execute(uri: path, method: .get) { response in
          #expect(response.status == .ok, "\(path)")
          #expect(response.headers[.contentType] == "text/html; charset=utf-8")
          let body = String(buffer: response.body)
          #expect(
            body.contains("<script src=\"/_sopkit/live-reload.js\" data-build=\"1\"></script>\n</body>"), "\(path)")
        }
      }
      try await client.execute(uri: "/guides", method: .get) { response in
        #expect(response.status == .found)
        #expect(response.headers[.location] == "/guides/")
      }
      try await client.execute(uri: "/css/site.css", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/css; charset=utf-8")
        #expect(!String(buffer: response.body).contains("_sopkit"))
      }
      try await client.execute(uri: "/guides/images/houses.svg", method: .head) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "image/svg+xml")
        #expect(response.body.readableBytes == 0)
      }
      try await client.execute(uri: "/_sopkit/live-reload.js", method: .get) { response in
        #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(String(buffer: response.body).contains("new EventSource(\"/_sopkit/events\")"))
      }
      try await client.execute(uri: "/guides/three-houses.html", method: .post) { response in
        #expect(response.status == .methodNotAllowed)
      }
    }
    #expect(!FileManager.default.fileExists(atPath: preview.site.root.appendingPathComponent("Output").path))
  }

  @Test func buildOutputNeverCarriesTheReloadScript() throws {
    let site = try TemporarySite(SiteBuilderTests.files)
    defer { site.remove() }
    _ = try site.build()
    #expect(!(try site.output("guides/three-houses.html")).contains("_sopkit"))
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/serve-error.html").path))
  }

  @Test func missesAndTraversalAttemptsGetThe404Page() async throws {
    let preview = try await Preview()
    defer { preview.site.remove() }
    try preview.site.write("secret", to: "Output/secret.txt")
    try await preview.test { client in
      for path in [
        "/nope.html", "/guides/nope.html", "/../Content/site.yaml", "/%2e%2e/Content/site.yaml",
        "/..%2fContent/site.yaml", "/guides/..%2f..%2fContent%2fsite.yaml", "/%2E%2E%2F%2E%2E%2Fetc/passwd",
        "/guides/%5c..%5csite.yaml", "/index.html%00.css", "/./index.html", "//etc/passwd", "/%zz", "/secret.txt",
        "/Content/site.yaml",
      ] {
        try await client.execute(uri: path, method: .get) { response in
          #expect(response.status == .notFound, "\(path)")
          let body = String(buffer: response.body)
          #expect(body.contains("<base href=\"/\">"), "\(path)")
          #expect(body.contains("Page not found"), "\(path)")
        }
      }
    }
  }

  @Test func rebuildsShowTheErrorPageAndRecover() async throws {
    let preview = try await Preview()
    defer { preview.site.remove() }
    let guide = "Content/guides/three-houses.md"
    let original = try String(contentsOf: preview.site.root.appendingPathComponent(guide), encoding: .utf8)
    try preview.site.write(
      original.replacingOccurrences(of: "See [the Safety House]", with: "Now see [the Safety House]"), to: guide)
    await preview.coordinator.rebuild()
    try await preview.test { client in
      try await client.execute(uri: "/guides/three-houses.html", method: .get) { response in
        #expect(String(buffer: response.body).contains("Now see <a"))
        #expect(String(buffer: response.body).contains("data-build=\"2\""))
      }
    }
    try preview.site.write(
      original.replacingOccurrences(of: "roles: [line-staff]", with: "roles: [line-staf]"), to: guide)
    await preview.coordinator.rebuild()
    try await preview.test { client in
      try await client.execute(uri: "/guides/three-houses.html", method: .get) { response in
        #expect(response.status == .internalServerError)
        let body = String(buffer: response.body)
        #expect(body.contains("The site could not be rebuilt"))
        #expect(
          body.contains("Content/guides/three-houses.md:4:9: error: unknown role &apos;line-staf&apos;")
            || body.contains("Content/guides/three-houses.md:4:9: error: unknown role &#39;line-staf&#39;"))
        #expect(body.contains("data-build=\"3\""))
      }
      try await client.execute(uri: "/css/site.css", method: .get) { response in
        #expect(response.status == .ok)
      }
    }
    try preview.site.write(original, to: guide)
    await preview.coordinator.rebuild()
    try await preview.test { client in
      try await client.execute(uri: "/guides/three-houses.html", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("See <a"))
      }
    }
  }

  @Test func theErrorPageIsTheDiagnosticsAloneWithoutAGoodBuild() {
    let page = BuildErrorPage.html(
      for: [.error("a <b> problem", at: SourceLocation(path: "Content/site.yaml", line: 3, column: 2))], lastGood: nil)
    #expect(
      String(decoding: page, as: UTF8.self).contains("<pre>\nContent/site.yaml:3:2: error: a &lt;b&gt; problem\n</pre>")
    )
  }

  @Test func reloadEventsStartWithTheLatestGenerationAndFollowEachRebuild() async {
    let events = ReloadEvents()
    await events.announce(4)
    var iterator = await events.subscribe().makeAsyncIterator()
    #expect(await iterator.next() == 4)
    await events.announce(5)
    #expect(await iterator.next() == 5)
    #expect(ReloadEvents.event(5) == "event: build\ndata: 5\n\n")
  }

  @Test func theWatcherSeesAddedChangedAndRemovedFiles() throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    let watcher = ContentWatcher(folders: [site.project.content.url], interval: .milliseconds(10)) {}
    let before = watcher.scan()
    try site.write("---\ntitle: A\n---\n", to: "Content/pages/a.md")
    let added = watcher.scan()
    #expect(added != before)
    try site.write("---\ntitle: B\n---\n", to: "Content/pages/a.md")
    #expect(watcher.scan() != added)
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/pages/a.md"))
    #expect(watcher.scan() == before)
  }
}
