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
        ---

        ## What it is

        """))
    let report = try site.build()
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
    let report = try site.build()
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
  ])
  func rejectsUnknownIDsWithASuggestion(roles: [String], topics: [String], message: String) throws {
    let site = try TemporarySite([:])
    defer { site.remove() }
    let content = NewContent(kind: .guide, title: "A Guide", roles: roles, topics: topics)
    #expect { try content.write(in: site.project) } throws: { ($0 as? NewContentError)?.description == message }
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/guides/a-guide.md").path))
  }
}
