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
    ("guides/ünï/a.html", "guides/ünï/b.html", "b.html"),
    ("guides/ünï/a.html", "guides/b.html", "../b.html"),
    ("guides/a.html", "ünï/b.html", "../%C3%BCn%C3%AF/b.html"),
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
    #expect(RelativeLink.normalize("a//b/./c.md", in: "guides/") == "guides/a/b/c.md")
    #expect(RelativeLink.normalize("ünï/../x.md", in: "guides") == "guides/x.md")
  }

  @Test func directoryOfAPath() {
    #expect(RelativeLink.directory(of: "guides/x.md") == "guides")
    #expect(RelativeLink.directory(of: "x.md") == "")
    #expect(RelativeLink.directory(of: "a//b/c.md") == "a/b")
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
    #expect(Slug.make(from: "  How--To\r\nDo IT 42 ") == "how-to-do-it-42")
    #expect(Slug.make(from: "Über  Tag\r\n2") == "über-tag-2")
  }
}
