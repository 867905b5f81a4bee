import Testing

@testable import SOPKit

/// Request paths become site paths, and nothing outside the site can be named.
@Suite struct RequestPathTests {
  @Test(arguments: [
    ("/", "index.html"), ("/guides/", "guides/index.html"), ("/guides/three-houses.html", "guides/three-houses.html"),
    ("/css/site.css", "css/site.css"), ("/guides/a%20b.html", "guides/a b.html"),
  ])
  func mapsToSitePaths(request: String, site: String) {
    #expect(RequestPath.sitePath(for: request) == site)
  }

  @Test(arguments: [
    "/..", "/../x", "/%2e%2e/x", "/..%2fx", "/a/%2E%2E/b", "/a\\b", "/a%5cb", "/a%00", "//x", "/./x", "x", "/%zz",
  ])
  func refusesEscapes(request: String) {
    #expect(RequestPath.sitePath(for: request) == nil)
  }

  @Test func injectsTheReloadScriptBeforeTheLastBodyEnd() {
    let page = LiveReload.inject(into: .init("<body>x</body>\n</body>".utf8), generation: 7)
    #expect(
      String(decoding: page, as: UTF8.self)
        == "<body>x</body>\n<script src=\"/_sopkit/live-reload.js\" data-build=\"7\"></script>\n</body>")
  }
}
