import Testing

@testable import SOPKit

@Suite struct GuideFrontMatterTests {
  private func read(_ yaml: String) throws(BuildFailure) -> (GuideFrontMatter?, [Diagnostic]) {
    let file = SourceFile(path: "g.md", text: "---\n" + yaml + "---\n")
    let mapping = try YAMLDocument.parse(yaml, file: file, firstLine: 2)
    let fields = YAMLFields(mapping, file: file, firstLine: 2)
    let guide = GuideFrontMatter(fields)
    return (guide, fields.diagnostics.diagnostics.sorted())
  }

  @Test func readsEveryField() throws {
    let (guide, diagnostics) = try read(
      """
      title: Three Houses
      summary: Short.
      roles: [line-staff, supervisors]
      topics: [three-houses]
      tags: [children]
      updated: 2024-03-01
      draft: true
      attachments:
        - file: a/b.pdf
          title: Worksheet

      """)
    #expect(diagnostics.isEmpty)
    #expect(guide?.title == "Three Houses")
    #expect(guide?.roles.map(\.value) == ["line-staff", "supervisors"])
    #expect(guide?.updated?.description == "2024-03-01")
    #expect(guide?.draft == true)
    #expect(guide?.attachments.first?.file.value == "a/b.pdf")
    #expect(guide?.attachments.first?.file.location.line == 10)
  }

  @Test func reportsMissingTitleAndBadDateWithLocations() throws {
    let (_, diagnostics) = try read("summary: S\nroles: [x]\nupdated: 2024-02-30\n")
    #expect(
      diagnostics.map(\.description) == [
        "g.md:2:1: error: missing required field 'title'",
        "g.md:4:10: error: 'updated' must be a date written YYYY-MM-DD, found '2024-02-30'",
      ])
  }

  @Test func limitsSummaryLength() throws {
    let (_, diagnostics) = try read("title: T\nsummary: \(String(repeating: "a", count: 301))\nroles: [x]\n")
    #expect(diagnostics.first?.message.hasPrefix("'summary' has 301 characters") == true)
  }

  @Test func warnsAboutUnknownKeysWithASuggestion() throws {
    let (_, diagnostics) = try read("title: T\nsummary: S\nroles: [x]\ntopcs: [y]\n")
    #expect(
      diagnostics.map(\.description) == [
        "g.md:5:1: warning: unknown field 'topcs' is ignored (did you mean 'topics'?)"
      ])
  }

  @Test func reportsYAMLSyntaxErrorsAtTheFileLine() {
    do {
      _ = try read("title: T\nsummary: [unclosed\nroles: [x]\n")
      Issue.record("expected a failure")
    } catch {
      #expect(error.diagnostics.first?.location.path == "g.md")
      #expect((error.diagnostics.first?.location.line ?? 0) >= 3)
      #expect(error.diagnostics.first?.message.hasPrefix("YAML syntax:") == true)
    }
  }

  @Test func reportsDuplicateKeys() {
    do {
      _ = try read("title: T\ntitle: U\nsummary: S\nroles: [x]\n")
      Issue.record("expected a failure")
    } catch {
      #expect(error.diagnostics.first?.message == "the field 'title' is given twice")
    }
  }
}
