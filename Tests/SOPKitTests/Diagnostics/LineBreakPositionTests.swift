import Foundation
import Testing

@testable import SOPKit

/// Every position sopkit reports lies in its file as an editor numbers it (lines end at LF, CRLF or a lone CR), whatever
/// line breaks the file holds and whether it ends with one.
@Suite struct LineBreakPositionTests {
  /// The line breaks a file may be written with, by name.
  static let breaks: [(name: String, text: String)] = [
    ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"), ("NEL", "\u{85}"), ("LINE SEPARATOR", "\u{2028}"),
    ("PARAGRAPH SEPARATOR", "\u{2029}"),
  ]

  /// The lengths in Unicode scalars of the lines an editor shows, counted here independently of `LineMap`.
  static func editorLines(_ text: String) -> [Int] {
    var lengths = [0]
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\r" || scalar == "\n" {
        if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
        lengths.append(0)
      } else {
        lengths[lengths.count - 1] += 1
      }
    }
    if lengths.count > 1, lengths.last == 0 { lengths.removeLast() }
    return lengths
  }

  static func exists(_ location: SOPKit.SourceLocation, in text: String) -> Bool {
    let lines = editorLines(text)
    return location.line >= 1 && location.line <= lines.count && location.column >= 1
      && location.column <= lines[location.line - 1] + 1
  }

  /// Builds a site with `files` and checks that each diagnostic's place exists in its file.
  private func expectPositionsExist(_ files: [String: String], expecting fragment: String) throws {
    // The repository's templates are copied in first: a template of `files` replaces one of them.
    let site = try TemporarySite(files.filter { !$0.key.hasPrefix("Templates/") })
    defer { site.remove() }
    for (path, text) in files where path.hasPrefix("Templates/") { try site.write(text, to: path) }
    var diagnostics: [Diagnostic] = []
    do {
      diagnostics = try site.build().warnings
    } catch {
      diagnostics = error.diagnostics
    }
    #expect(diagnostics.contains { $0.message.contains(fragment) }, "\(diagnostics)")
    for diagnostic in diagnostics {
      let text = files[diagnostic.location.path] ?? ""
      #expect(Self.exists(diagnostic.location, in: text), "\(diagnostic) is outside its file")
    }
  }

  @Test(arguments: breaks.map(\.name), [true, false])
  func yamlErrorsInSiteSettingsLieInTheFile(_ name: String, finalBreak: Bool) throws {
    let newline = Self.breaks.first { $0.name == name }!.text
    let lines = ["title: Test", "roles:", "  - id: leaders", "    name: \"Leaders"]
    let text = lines.joined(separator: newline) + (finalBreak ? newline : "")
    try expectPositionsExist(["Content/site.yaml": text], expecting: "YAML")
  }

  @Test(arguments: breaks.map(\.name), [true, false])
  func frontMatterErrorsLieInTheFile(_ name: String, finalBreak: Bool) throws {
    let newline = Self.breaks.first { $0.name == name }!.text
    // The fences use LF: only the YAML between them holds the unusual break.
    let yaml = ["title: A guide", "summary: About.", "roles: [leaders", "topics: [three-houses]"]
      .joined(separator: newline)
    let text = "---\n" + yaml + "\n---\nBody text." + (finalBreak ? "\n" : "")
    try expectPositionsExist(["Content/guides/a.md": text], expecting: "YAML")
  }

  @Test(arguments: breaks.map(\.name), [true, false])
  func templateErrorsLieInTheFile(_ name: String, finalBreak: Bool) throws {
    let newline = Self.breaks.first { $0.name == name }!.text
    let text =
      ["<h1>{{t.not_found}}</h1>", "<p>{{#open}}x", "{{/shut}}</p>"].joined(separator: newline)
      + (finalBreak ? newline : "")
    try expectPositionsExist(["Templates/404.mustache": text], expecting: "template syntax")
  }

  @Test(arguments: breaks.filter { $0.name != "LF" && $0.name != "CRLF" }.map(\.name))
  func anUnusualLineBreakIsWarnedAboutAtItsPlace(_ name: String) throws {
    let newline = Self.breaks.first { $0.name == name }!.text
    let text = "title: Test\(newline)roles:\n  - id: leaders\n    name: Leaders\n"
    let site = try TemporarySite(["Content/site.yaml": text])
    defer { site.remove() }
    let warnings = try site.build().warnings.filter { $0.message.contains("unusual line break") }
    #expect(warnings.map(\.location) == [SOPKit.SourceLocation(path: "Content/site.yaml", line: 1, column: 12)])
  }

  @Test func aLoneCarriageReturnStartsALineAndAKeyWithAWarning() throws {
    let site = try TemporarySite([
      "Content/site.yaml": "title: Test\rdescription: Said.\nroles:\n  - id: leaders\n    name: Leaders\n"
    ])
    defer { site.remove() }
    let warnings = try site.build().warnings.map(\.description)
    #expect(
      warnings.contains { $0.hasPrefix("Content/site.yaml:1:12: warning: an unusual line break: a carriage return") })
  }

  @Test func libyamlPositionsAreTranslated() {
    // libyaml's line 3 starts after the NEL, on the editor's line 2.
    let lines = LineMap("a: 1\nb: 2\u{85}c: [3\n")
    #expect(lines.position(yamlLine: 3, scalarColumn: 4) == (line: 2, column: 9))
    // The end of a text without a final line break is libyaml's next line: the end of the last line here.
    #expect(LineMap("a: \"1").position(yamlLine: 2, scalarColumn: 1) == (line: 1, column: 6))
    #expect(LineMap("a\r\nb\rc").lineCount == 3)
    #expect(LineMap("a\n").position(ofOffset: 2) == (line: 1, column: 2))
  }

  @Test func aFileNameWithALineBreakIsQuotedInOneLine() throws {
    let site = try TemporarySite(["Content/guides/a\nb.md": "---\ntitle: A\n---\nText.\n"])
    defer { site.remove() }
    let lines = site.failure()
    #expect(lines.contains { $0.hasPrefix("\"Content/guides/a\\nb.md\":1:1: error:") }, "\(lines)")
    #expect(lines.allSatisfy { !$0.contains("\n") })
  }
}
