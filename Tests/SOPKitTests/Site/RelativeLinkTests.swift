import Testing

@testable import SOPKit

@Suite struct RelativeLinkTests {
  @Test(arguments: [
    ("guides/a.html", "guides/b.html", "b.html"),
    ("guides/a.html", "stories/x.html", "../stories/x.html"),
    ("index.html", "guides/a.html", "guides/a.html"),
    ("about.html", "index.html", "index.html"),
    ("guides/a.html", "index.html", "../index.html"),
    ("guides/a.html", "guides/images/my house.svg", "images/my%20house.svg"),
  ])
  func hrefBetweenPages(from: String, to: String, expected: String) {
    #expect(RelativeLink.href(from: from, to: to) == expected)
  }

  @Test func rootPrefix() {
    #expect(RelativeLink.root(from: "index.html") == "")
    #expect(RelativeLink.root(from: "guides/a.html") == "../")
  }

  @Test func normalizeRefusesToClimbAboveTheRoot() {
    #expect(RelativeLink.normalize("../stories/x.md", in: "guides") == "stories/x.md")
    #expect(RelativeLink.normalize("./a/../b.md", in: "guides") == "guides/b.md")
    #expect(RelativeLink.normalize("../../etc/passwd", in: "guides") == nil)
    #expect(RelativeLink.normalize("/guides/x.md", in: "stories") == "guides/x.md")
  }

  @Test(arguments: [
    (Route.home, "index.html"), (.guide("x"), "guides/x.html"), (.role("leaders"), "roles/leaders.html"),
    (.tag("children"), "tags/children.html"), (.page("about"), "about.html"), (.feed, "stories/feed.xml"),
  ])
  func routePaths(route: Route, path: String) {
    #expect(route.path == path)
  }

  @Test func slugs() {
    #expect(Slug.isValid("three-houses-2"))
    #expect(!Slug.isValid("Three Houses"))
    #expect(!Slug.isValid("-x"))
    #expect(Slug.make(from: "Child & Family Team (CFT)") == "child-family-team-cft")
    #expect(Slug.make(from: "¿Qué pasa?") == "qué-pasa")
  }
}
