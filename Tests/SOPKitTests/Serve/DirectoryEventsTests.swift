#if canImport(Glibc)
  import Foundation
  import Testing

  @testable import SOPKit

  /// The kernel's change reports that `sopkit serve` waits on instead of polling.
  @Suite struct DirectoryEventsTests {
    @Test func seesChangesInEveryFolderIncludingNewOnesButNotHiddenFiles() throws {
      let site = try TemporarySite(["Content/guides/a.md": "A"], copyTemplates: false)
      defer { site.remove() }
      let content = site.project.content.url.path
      let events = try #require(DirectoryEvents(folders: [content]))
      #expect(events.changes() == [])
      try site.write("B", to: "Content/guides/a.md")
      #expect(events.changes() == ["\(content)/guides/a.md"])
      #expect(events.changes() == [])
      try site.write("draft", to: "Content/guides/.a.md.swp")
      #expect(events.changes() == [])
      try FileManager.default.createDirectory(
        at: site.root.appendingPathComponent("Content/guides/images"), withIntermediateDirectories: false)
      #expect(events.changes() == ["\(content)/guides/images"])
      try site.write("<svg/>", to: "Content/guides/images/x.svg")
      #expect(events.changes() == ["\(content)/guides/images/x.svg"])
      try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/guides/a.md"))
      #expect(events.changes() == ["\(content)/guides/a.md"])
      #expect(events.changes() == [])
    }
  }
#endif
