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
    Self.fill(words[key] ?? "", with: values)
  }

  /// A date written the language's way ("March 1, 2024").
  func format(_ date: SimpleDate) -> String {
    let month = months.isEmpty ? String(date.description.split(separator: "-")[1]) : months[date.month - 1]
    let day = months.isEmpty ? String(date.description.split(separator: "-")[2]) : String(date.day)
    return Self.fill(dateFormat, with: ["year": String(date.year), "month": month, "day": day])
  }

  /// `text` with each `{name}` of `values` replaced, in one pass: list pages fill tens of thousands of these,
  /// and Foundation's replacing, once per name, was a visible part of rendering them.
  static func fill(_ text: String, with values: [String: String]) -> String {
    guard !values.isEmpty else { return text }
    var result = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest[rest.index(after: open)...]
      if let close = afterOpen.firstIndex(of: "}"), let value = values[String(afterOpen[..<close])] {
        result += value
        rest = afterOpen[afterOpen.index(after: close)...]
      } else {
        result += "{"
        rest = afterOpen
      }
    }
    return result + rest
  }
}
