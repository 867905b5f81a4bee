import Foundation
import Hummingbird
import Testing

@testable import SOPKit

/// The preview server in process on a free port of 127.0.0.1, asked over real sockets: pages from memory, the reload
/// script, rebuilds, the error page and path safety.
@Suite struct PreviewServerTests {
  /// A temporary site built once in memory, and the application that serves it.
  struct Preview {
    let site: TemporarySite
    let coordinator: RebuildCoordinator
    let events = ReloadEvents()
    let server: PreviewServer

    init(headerTimeout: Duration = .seconds(10)) async throws {
      site = try TemporarySite(SmallSite.files)
      server = PreviewServer(
        builder: SiteBuilder(project: site.project, options: BuildOptions(writeOutput: false)), port: 0,
        headerTimeout: headerTimeout
      ) { _ in }
      coordinator = RebuildCoordinator(builder: server.builder, events: events) { _ in }
      await coordinator.rebuild()
    }

    /// Serves the site on a free port for the length of `body`, then cancels the server and waits
    /// for it to stop; each wait gives up after ten seconds and records why.
    func test(_ body: @Sendable (RawHTTPClient) async throws -> Void) async throws {
      let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
      var server = self.server
      server.report = { event in
        if case .listening(let url) = event, let port = URLComponents(string: url)?.port { portSink.yield(port) }
      }
      let application = server.application(coordinator: coordinator, events: events, watching: false)
      let running = Task {
        defer { portSink.finish() }
        try await application.run()
      }
      let port = await Self.within(.seconds(30)) { await ports.first { _ in true } }
      var failure: (any Error)?
      if let port = port ?? nil {
        do { try await body(RawHTTPClient(port: port)) } catch { failure = error }
      } else {
        Issue.record("the server did not start listening")
      }
      running.cancel()
      switch await Self.within(.seconds(30), { await running.result }) {
      case nil: Issue.record("the server did not stop within thirty seconds of being cancelled")
      case .failure(let error)? where !(error is CancellationError): Issue.record(error, "the server failed")
      default: break
      }
      if let failure { throw failure }
    }

    /// The value of `operation`, or nil if it takes longer than `limit` (it is then left running).
    static func within<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
      let (results, sink) = AsyncStream.makeStream(of: T?.self)
      Task {
        sink.yield(await operation())
        sink.finish()
      }
      let timer = Task {
        try? await Task.sleep(for: limit)
        sink.yield(nil)
        sink.finish()
      }
      defer { timer.cancel() }
      return await results.first { _ in true } ?? nil
    }
  }

  @Test func servesPagesFromMemoryWithTheReloadScript() async throws {
    let preview = try await Preview()
    defer { preview.site.remove() }
    try await preview.test { client in
      for path in ["/", "/guides/", "/guides/three-houses.html", "/about.html"] {
        let response = try await client.get(path)
        #expect(response.status == 200, "\(path)")
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        let body = response.text
        #expect(
          body.contains("<script src=\"/_sopkit/live-reload.js\" data-build=\"1\"></script>\n</body>"), "\(path)")
      }
      do {
        let response = try await client.get("/guides")
        #expect(response.status == 302)
        #expect(response.header("Location") == "/guides/")
      }
      do {
        let response = try await client.get("/css/site.css")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/css; charset=utf-8")
        #expect(!response.text.contains("_sopkit"))
      }
      do {
        let response = try await client.request("HEAD", "/guides/images/houses.svg")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/svg+xml")
        #expect(response.body.isEmpty)
      }
      do {
        let response = try await client.get("/_sopkit/live-reload.js")
        #expect(response.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(response.text.contains("new EventSource(\"/_sopkit/events\")"))
      }
      do {
        let response = try await client.request("POST", "/guides/three-houses.html")
        #expect(response.status == 405)
      }
    }
    #expect(!FileManager.default.fileExists(atPath: preview.site.root.appendingPathComponent("Output").path))
  }

  @Test func buildOutputNeverCarriesTheReloadScript() throws {
    let site = try TemporarySite(SmallSite.files)
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
        let response = try await client.get(path)
        #expect(response.status == 404, "\(path)")
        let body = response.text
        #expect(body.contains("<base href=\"/\">"), "\(path)")
        #expect(body.contains("Page not found"), "\(path)")
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
      do {
        let response = try await client.get("/guides/three-houses.html")
        #expect(response.text.contains("Now see <a"))
        #expect(response.text.contains("data-build=\"2\""))
      }
      // The search index is rebuilt after the page is served: it catches up within a few seconds. Each
      // document has its own file; the sample site has fewer than ten.
      var indexed = false
      for _ in 0..<100 where !indexed {
        for document in 0..<10 where !indexed {
          indexed = try await client.get("/search/docs-\(document).js").text.contains("Now see the Safety House")
        }
        if !indexed { try await Task.sleep(for: .milliseconds(50)) }
      }
      #expect(indexed)
    }
    try preview.site.write(
      original.replacingOccurrences(of: "roles: [line-staff]", with: "roles: [line-staf]"), to: guide)
    await preview.coordinator.rebuild()
    try await preview.test { client in
      do {
        let response = try await client.get("/guides/three-houses.html")
        #expect(response.status == 500)
        let body = response.text
        #expect(body.contains("The site could not be rebuilt"))
        #expect(
          body.contains("Content/guides/three-houses.md:4:9: error: unknown role &apos;line-staf&apos;")
            || body.contains("Content/guides/three-houses.md:4:9: error: unknown role &#39;line-staf&#39;"))
        #expect(body.contains("data-build=\"3\""))
      }
      do {
        let response = try await client.get("/css/site.css")
        #expect(response.status == 200)
      }
    }
    try preview.site.write(original, to: guide)
    await preview.coordinator.rebuild()
    try await preview.test { client in
      do {
        let response = try await client.get("/guides/three-houses.html")
        #expect(response.status == 200)
        #expect(response.text.contains("See <a"))
      }
    }
  }

  @Test func anHTTP10RequestGetsItsConnectionClosedAndKeepAliveStillWorks() async throws {
    // The header timeout is far longer than the client waits, so only the HTTP/1.0 rule can close the connection.
    let preview = try await Preview(headerTimeout: .seconds(300))
    defer { preview.site.remove() }
    try await preview.test { client in
      // `exchange` reads until the server closes the connection and throws when the client's timeout runs out.
      let response = try RawHTTPResponse(
        parsing: try await client.exchange(head: "GET /guides/three-houses.html HTTP/1.0\r\n\r\n"))
      #expect(response.status == 200)
      #expect(response.text.hasSuffix("</html>\n"))
      // HTTP/1.1 keeps the connection for the next request, until one says `Connection: close`.
      let both = try await client.exchange(
        head: "GET /about.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          + "GET /css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
      #expect(String(decoding: both, as: UTF8.self).components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 3)
    }
  }

  @Test func aClientSendingItsHeadSlowlyOrNothingIsCutOff() async throws {
    let preview = try await Preview(headerTimeout: .seconds(1))
    defer { preview.site.remove() }
    try await preview.test { client in
      let head =
        "GET /guides/three-houses.html HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: \(String(repeating: "x", count: 60))\r\n\r\n"
      // Four bytes a second: the head would take 25 s; the connection is closed after about one.
      let sent = try await client.trickle(head, pause: .milliseconds(250))
      #expect(sent.map { (2...12).contains($0) } == true, "\(String(describing: sent)) bytes sent before the close")
      // A connection that says nothing is closed as well, and a quick request is still answered.
      #expect(
        try await client.trickle(String(repeating: "\r\n", count: 30), pause: .milliseconds(100)).map { $0 < 30 }
          == true)
      #expect(try await client.get("/guides/three-houses.html").status == 200)
    }
  }

  @Test func aBurstOfSavesStartsFewBuildsAndOneSearchIndexAfterIt() async throws {
    let preview = try await Preview()
    defer { preview.site.remove() }
    #expect(await preview.coordinator.buildsStarted == 1)
    let guide = "Content/guides/three-houses.md"
    let url = preview.site.root.appendingPathComponent(guide)
    let original = try String(contentsOf: url, encoding: .utf8)
    let saves = 60
    for number in 0..<saves {
      try preview.site.write(original + "\nSaved for the \(number)th time.\n", to: guide)
      await preview.coordinator.request()
    }
    await preview.coordinator.rebuild()
    let last = "Saved for the \(saves - 1)th time."
    try await preview.test { client in
      #expect(try await client.get("/guides/three-houses.html").text.contains(last))
      var indexed = false
      for _ in 0..<100 where !indexed {
        for document in 0..<10 where !indexed {
          indexed = try await client.get("/search/docs-\(document).js").text.contains(last)
        }
        if !indexed { try await Task.sleep(for: .milliseconds(50)) }
      }
      #expect(indexed)
    }
    // Saves that came while a build ran were gathered into the next one, and the index waited for the burst to end.
    let builds = await preview.coordinator.buildsStarted
    let indexes = await preview.coordinator.indexesStarted
    #expect(builds < saves / 2, "\(builds) builds for \(saves) saves")
    #expect(indexes <= 2, "\(indexes) search indexes for \(builds) builds")
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
    let watcher = ContentWatcher(folders: [site.project.content.url], interval: .milliseconds(10)) { _ in }
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
