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
      #expect(settled(events) == [])
      try site.write("B", to: "Content/guides/a.md")
      #expect(settled(events) == ["\(content)/guides/a.md"])
      try site.write("draft", to: "Content/guides/.a.md.swp")
      #expect(settled(events) == [])
      try FileManager.default.createDirectory(
        at: site.root.appendingPathComponent("Content/guides/images"), withIntermediateDirectories: false)
      #expect(settled(events) == ["\(content)/guides/images"])
      try site.write("<svg/>", to: "Content/guides/images/x.svg")
      #expect(settled(events) == ["\(content)/guides/images/x.svg"])
      try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/guides/a.md"))
      #expect(settled(events) == ["\(content)/guides/a.md"])
      #expect(events.changes() == [])
    }

    /// Every change reported until none has come for 50 ms (at most a second): a file's close may be reported a
    /// moment after its write returns, as `ContentWatcher` allows for too.
    private func settled(_ events: DirectoryEvents) -> Set<String>? {
      var changed: Set<String>? = []
      var quiet = 0
      for _ in 0..<100 where quiet < 5 {
        let more = events.changes()
        quiet = more == [] ? quiet + 1 : 0
        changed = more.flatMap { more in changed?.union(more) }
        Thread.sleep(forTimeInterval: 0.01)
      }
      return changed
    }
  }
#endif
