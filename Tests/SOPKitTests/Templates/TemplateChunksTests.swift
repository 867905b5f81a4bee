import Foundation
import Mustache
import Testing

@testable import SOPKit

/// A long template parsed in pieces renders exactly as the template parsed whole.
@Suite struct TemplateChunksTests {
  static var context: [String: Any] {
    [
      "title": "A & B", "roles": [["name": "Leaders", "href": "a.html"], ["name": "Staff", "href": "b.html"]],
      "current": ["home": true], "empty": [String](), "t": ["menu": "Menu"],
    ]
  }

  /// Renders `text` as the template `big`, both whole and in pieces, inside `wrapper` (which includes `big`).
  private func expectSameRendering(_ text: String, wrapper: String = "{{> big}}") throws {
    #expect(!TemplateChunks.cutPoints(Array(text.utf8)).isEmpty, "the template should be long enough to cut")
    let whole = MustacheLibrary(templates: [
      "big": try MustacheTemplate(string: HTMLEscaping.pragma + text),
      "page": try MustacheTemplate(string: HTMLEscaping.pragma + wrapper),
    ])
    var pieces = try TemplateChunks.parse(text, name: "big", prefix: HTMLEscaping.pragma)
    #expect(pieces.count > 2)
    pieces["page"] = try MustacheTemplate(string: HTMLEscaping.pragma + wrapper)
    let cut = MustacheLibrary(templates: pieces)
    let expected = whole.render(Self.context, withTemplate: "page")
    #expect(expected?.isEmpty == false)
    #expect(cut.render(Self.context, withTemplate: "page") == expected)
  }

  @Test func theRepositoryHeaderRepeatedRendersTheSame() throws {
    let header = try String(
      contentsOf: TemporarySite.repository.appendingPathComponent("Templates/partials/header.mustache"), encoding: .utf8
    )
    let text = String(repeating: header.replacingOccurrences(of: "{{> ", with: "{{! "), count: 40)
    try expectSameRendering(text)
    try expectSameRendering(text, wrapper: "<div>\n  {{> big}}\n</div>\n")
  }

  @Test func manyTagsOnOneLineRenderTheSame() throws {
    try expectSameRendering(String(repeating: "{{title}}{{{title}}}x{{t.menu}} ", count: 1_200))
  }

  @Test func standaloneTagsAtEveryPlaceRenderTheSame() throws {
    let block =
      "{{#roles}}\n  <li>{{name}}</li>\n{{/roles}}\n{{^empty}}\n none\n{{/empty}}\n  {{! note }}\n{{title}}{{#current.home}}h{{/current.home}}\n"
    try expectSameRendering(String(repeating: block, count: 400))
  }

  @Test func aTemplateThatChangesDelimitersStaysWhole() {
    let text = "{{=<% %>=}}" + String(repeating: "<%title%>\n", count: 5_000)
    #expect(TemplateChunks.cutPoints(Array(text.utf8)).isEmpty)
  }
}
