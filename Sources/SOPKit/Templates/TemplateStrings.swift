import Foundation
import Yams

/// The interface words the build itself writes, from `Templates/i18n/<language>.yaml`: month names and the
/// date format. Every other word a reader sees is in the templates.
struct TemplateStrings: Sendable {
  var months: [String]
  /// With `{day}`, `{month}` and `{year}`, e.g. "{month} {day}, {year}".
  var dateFormat: String

  static func load(from url: URL, displayPath: String, diagnostics: inout DiagnosticCollector) throws(BuildFailure)
    -> TemplateStrings
  {
    guard FileManager.default.fileExists(atPath: url.path) else {
      return TemplateStrings(months: [], dateFormat: "{year}-{month}-{day}")
    }
    let file = try SourceFile.read(url, displayPath: displayPath)
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let months = fields.strings("months").map(\.value)
    if !months.isEmpty && months.count != 12 {
      fields.error("'months' must list the 12 month names, found \(months.count)", at: fields.location)
    }
    let format = fields.string("date_format")?.value ?? "{year}-{month}-{day}"
    fields.reportUnknownKeys()
    diagnostics.append(contentsOf: fields.diagnostics.diagnostics)
    return TemplateStrings(months: months.count == 12 ? months : [], dateFormat: format)
  }

  /// A date written the language's way ("March 1, 2024").
  func format(_ date: SimpleDate) -> String {
    let month = months.isEmpty ? String(date.description.split(separator: "-")[1]) : months[date.month - 1]
    let day = months.isEmpty ? String(date.description.split(separator: "-")[2]) : String(date.day)
    // Scanned once per date rather than with Foundation's replacing, which list pages call tens of thousands of times.
    var text = ""
    var rest = dateFormat[...]
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let field = rest[open...]
      if field.hasPrefix("{year}") {
        text += String(date.year)
      } else if field.hasPrefix("{month}") {
        text += month
      } else if field.hasPrefix("{day}") {
        text += day
      } else {
        text += "{"
        rest = rest[rest.index(after: open)...]
        continue
      }
      rest = rest[(field.firstIndex(of: "}").map { rest.index(after: $0) } ?? rest.endIndex)...]
    }
    return text + rest
  }
}
