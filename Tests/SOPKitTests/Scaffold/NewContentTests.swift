import Foundation
import Testing

@testable import SOPKit

/// `sopkit new`: the files it writes, what it refuses and its suggestions.
@Suite struct NewContentTests {
  static let day = Calendar.current.date(from: DateComponents(year: 2025, month: 3, day: 7, hour: 12))!

  @Test func writesAGuideFromTheTemplateThatBuilds() throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    let content = NewContent(
      kind: .guide, title: "Safety Circles: \"A\" Start", roles: ["line-staff", "leaders"], topics: ["three-houses"])
    #expect(try content.write(in: site.project, today: Self.day) == "Content/guides/safety-circles-a-start.md")
    let text = try String(
      contentsOf: site.root.appendingPathComponent("Content/guides/safety-circles-a-start.md"), encoding: .utf8)
    #expect(
      text.hasPrefix(
        """
        ---
        title: "Safety Circles: \\"A\\" Start"
        summary: "Say in one or two sentences what this tool is and when it helps."
        roles: [line-staff, leaders]
        topics: [three-houses]
        updated: 2025-03-07
        draft: true
        ---

        ## What it is

        """))
    #expect(try site.build().guideCount == 0)
    let report = try site.build(drafts: true)
    #expect(report.guideCount == 1)
    #expect(try site.output("guides/safety-circles-a-start.html").contains("Safety Circles: &quot;A&quot; Start"))
  }

  @Test func writesStoriesAndPagesThatBuild() throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    #expect(
      try NewContent(kind: .story, title: "Kern Networks", county: "Kern").write(in: site.project, today: Self.day)
        == "Content/stories/kern-networks.md")
    #expect(
      try NewContent(kind: .page, title: "Contributing").write(in: site.project, today: Self.day)
        == "Content/pages/contributing.md")
    let story = try String(
      contentsOf: site.root.appendingPathComponent("Content/stories/kern-networks.md"), encoding: .utf8)
    #expect(story.contains("date: 2025-03-07\n"))
    #expect(story.contains("county: \"Kern\"\n"))
    let report = try site.build(drafts: true)
    #expect(report.storyCount == 1)
    #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/contributing.html").path))
  }

  @Test func refusesToOverwrite() throws {
    let site = try TemporarySite(["Content/pages/contributing.md": "mine"])
    defer { site.remove() }
    #expect(throws: NewContentError.self) { try NewContent(kind: .page, title: "Contributing").write(in: site.project) }
    #expect(
      try String(contentsOf: site.root.appendingPathComponent("Content/pages/contributing.md"), encoding: .utf8)
        == "mine")
  }

  @Test(arguments: [
    (
      ["line-staf"], [],
      "unknown role 'line-staf' (did you mean 'line-staff'?); the roles are listed in Content/site.yaml"
    ),
    (
      ["leaders"], ["three-house"],
      "unknown topic 'three-house' (did you mean 'three-houses'?); the topics are listed in Content/site.yaml"
    ),
    ([], [], "a guide needs at least one --role; the roles in Content/site.yaml are: leaders, line-staff"),
    (["leaders"], ["parenting"], "unknown topic 'parenting'; the topics in Content/site.yaml are: three-houses"),
  ])
  func rejectsUnknownIDsWithASuggestion(roles: [String], topics: [String], message: String) throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    let content = NewContent(kind: .guide, title: "A Guide", roles: roles, topics: topics)
    #expect { try content.write(in: site.project) } throws: { ($0 as? NewContentError)?.description == message }
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/guides/a-guide.md").path))
  }

  /// Published as `new` wrote it, a guide is warned about: the example summary, and the outline's headings that
  /// still have nothing under them, by name.
  @Test func warnsAboutPlaceholdersLeftInAFileThatIsNoLongerADraft() throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    let path = try NewContent(kind: .guide, title: "Safety Circles", roles: ["leaders"]).write(in: site.project)
    let written = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    #expect(try site.build().warnings.isEmpty)
    let published = written.replacingOccurrences(of: "draft: true\n", with: "")
    try site.write(published, to: path)
    #expect(
      try site.build().warnings.map(\.description) == [
        "Content/guides/safety-circles.md:3:1: warning: the summary is still the example 'sopkit new' wrote: say in one or two sentences what this guide is about, or mark the file 'draft: true' until it is ready",
        "Content/guides/safety-circles.md:7:1: warning: the page has headings but no text: write under 'What it is', 'When to use it', 'How to do it', 'An example', 'Common pitfalls', 'For supervisors', 'Next steps'",
      ])
    let started = published.replacingOccurrences(of: "## What it is\n", with: "## What it is\n\nA circle.\n")
      .replacingOccurrences(of: "### An example\n", with: "### An example\n\nIn Kern.\n")
      .replacingOccurrences(of: "Say in one or two sentences what this tool is and when it helps.", with: "Circles.")
    try site.write(started, to: path)
    #expect(
      try site.build().warnings.map(\.description) == [
        "Content/guides/safety-circles.md:12:1: warning: headings of the outline 'sopkit new' wrote have no text under them: 'When to use it', 'Common pitfalls', 'For supervisors', 'Next steps'; write under each or delete it"
      ])
  }

  /// A story and a page get the same warnings; a heading of the editor's own is never named.
  @Test func warnsAboutStoriesAndPagesButNotTheirOwnHeadings() throws {
    let site = try TemporarySite([
      "Content/pages/help.md": "---\ntitle: Help\n---\n## Our own heading\n\n## Why this matters\n\nBecause.\n"
    ])
    defer { site.remove() }
    let story = try NewContent(kind: .story, title: "Kern Networks").write(in: site.project)
    let text = try String(contentsOf: site.root.appendingPathComponent(story), encoding: .utf8)
    try site.write(text.replacingOccurrences(of: "draft: true\n", with: ""), to: story)
    let warnings = try site.build().warnings.map(\.description)
    #expect(warnings.contains { $0.hasPrefix("Content/stories/kern-networks.md:4:1: warning: the summary is still") })
    #expect(!warnings.contains { $0.hasPrefix("Content/pages/help.md") }, "\(warnings)")
  }
}
