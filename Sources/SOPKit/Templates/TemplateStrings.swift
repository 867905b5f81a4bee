import Foundation
import Yams

/// The interface words of one language, from `Templates/i18n/<language>.yaml`: the words templates show
/// (`words:`, as `{{t.name}}`), the language's own name, month names and the date format.
struct TemplateStrings: Sendable {
  var months: [String]
  /// With `{day}`, `{month}` and `{year}`, e.g. "{month} {day}, {year}".
  var dateFormat: String
  /// The words templates show, by name.
  var words: [String: String] = [:]
  /// The language's name in itself ("English"), for the language switcher.
  var languageName: String?

  static let empty = TemplateStrings(months: [], dateFormat: "{year}-{month}-{day}")

  static func load(from url: URL, displayPath: String, diagnostics: inout DiagnosticCollector) throws(BuildFailure)
    -> TemplateStrings
  {
    guard FileManager.default.fileExists(atPath: url.path) else { return .empty }
    let file = try SourceFile.read(url, displayPath: displayPath)
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let months = fields.strings("months").map(\.value)
    if !months.isEmpty && months.count != 12 {
      fields.error("'months' must list the 12 month names, found \(months.count)", at: fields.location)
    }
    let format = fields.string("date_format")?.value ?? "{year}-{month}-{day}"
    let languageName = fields.string("language_name")?.value
    let words: [String: String] =
      fields.record("words") { mapping -> [String: String]? in
        var words: [String: String] = [:]
        // Words keep their spaces as written (a separator such as ", " needs them).
        for key in mapping.keys {
          guard case .scalar(let scalar)? = mapping.node(key.value) else {
            mapping.error("the word '\(key.value)' must be text", at: key.location)
            continue
          }
          words[key.value] = scalar.string
        }
        return words
      } ?? [:]
    fields.reportUnknownKeys()
    diagnostics.append(contentsOf: fields.diagnostics.diagnostics)
    return TemplateStrings(
      months: months.count == 12 ? months : [], dateFormat: format, words: words, languageName: languageName)
  }

  /// These strings with every word `fallback` has and they lack taken from it; the names taken, sorted.
  func completed(from fallback: TemplateStrings) -> (TemplateStrings, [String]) {
    let missing = fallback.words.keys.filter { words[$0] == nil }.sorted()
    var completed = self
    for key in missing { completed.words[key] = fallback.words[key] }
    return (completed, missing)
  }

  /// A word with its `{name}` placeholders filled in.
  func word(_ key: String, _ values: [String: String] = [:]) -> String {
    var text = words[key] ?? ""
    for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
    return text
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
