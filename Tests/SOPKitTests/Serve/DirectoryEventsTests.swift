#if canImport(Glibc)
  import Foundation
  import Testing

  @testable import SOPKit

  /// The kernel's change reports that `sopkit serve` waits on instead of polling.
  @Suite struct DirectoryEventsTests {
    @Test func seesChangesInEveryFolderIncludingNewOnesButNotHiddenFiles() throws {
      let site = try TemporarySite(["Content/guides/a.md": "A"], copyTemplates: false)
      defer { site.remove() }
      let events = try #require(DirectoryEvents(folders: [site.project.content.url.path]))
      #expect(!events.changed())
      try site.write("B", to: "Content/guides/a.md")
      #expect(events.changed())
      #expect(!events.changed())
      try site.write("draft", to: "Content/guides/.a.md.swp")
      #expect(!events.changed())
      try FileManager.default.createDirectory(
        at: site.root.appendingPathComponent("Content/guides/images"), withIntermediateDirectories: false)
      #expect(events.changed())
      try site.write("<svg/>", to: "Content/guides/images/x.svg")
      #expect(events.changed())
      try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/guides/a.md"))
      #expect(events.changed())
      #expect(!events.changed())
    }
  }
#endif
