import Foundation
import Yams

/// Reads typed fields out of one YAML mapping, reporting each problem at the value's own line and column.
///
/// Every getter records what it was asked for, so `reportUnknownKeys()` can warn about the rest.
final class YAMLFields {
  let file: SourceFile
  let firstLine: Int
  let location: SourceLocation
  private let pairs: [(key: String, keyNode: Node, value: Node)]
  private var known: [String] = []
  /// The YAML text's lines, shared with the mappings nested in it.
  private let lines: LineMap
  private(set) var diagnostics = DiagnosticCollector()

  /// - Parameter yaml: the YAML text the mapping was read from, when it is not the whole file.
  init(_ mapping: Node.Mapping, file: SourceFile, firstLine: Int, yaml: String? = nil) {
    self.file = file
    self.firstLine = firstLine
    self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    self.location = SourceLocation(path: file.path, line: firstLine)
    self.lines = LineMap(yaml ?? file.text)
    diagnostics.append(
      contentsOf: UnusualLineBreak.warnings(in: lines, path: file.path, firstLine: firstLine))
  }

  /// Shares one diagnostic list between a mapping and the mappings nested in it.
  private init(_ mapping: Node.Mapping, parent: YAMLFields) {
    self.file = parent.file
    self.firstLine = parent.firstLine
    self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    self.lines = parent.lines
    self.location = parent.locate(mapping.mark)
  }

  func locate(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return location }
    return YAMLDocument.locate(mark, lines: lines, path: file.path, firstLine: firstLine)
  }

  func error(_ message: String, at location: SourceLocation) {
    diagnostics.error(message, at: location)
  }

  func warning(_ message: String, at location: SourceLocation) {
    diagnostics.warning(message, at: location)
  }

  /// The node written for `key`, or nil when the key is absent or its value is empty (`key:`).
  func node(_ key: String) -> Node? {
    known.append(key)
    guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
    if case .scalar(let scalar) = pair.value,
      scalar.string.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
    {
      return nil
    }
    return pair.value
  }

  func string(_ key: String, required: Bool = false) -> Located<String>? {
    guard let node = node(key) else {
      if required { error("missing required field '\(key)'", at: location) }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      error("'\(key)' must be text, found \(YAMLDocument.describe(node))", at: locate(node.mark))
      return nil
    }
    let value = Self.trimming(scalar.string, .whitespacesAndNewlines)
    if value.isEmpty {
      if required { error("'\(key)' must not be empty", at: locate(node.mark)) }
      return nil
    }
    return Located(value, at: locate(node.mark))
  }

  func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    if let value = node.bool { return value }
    error("'\(key)' must be true or false, found \(YAMLDocument.describe(node))", at: locate(node.mark))
    return nil
  }

  func integer(_ key: String) -> Located<Int>? {
    guard let node = node(key) else { return nil }
    if let value = node.int { return Located(value, at: locate(node.mark)) }
    error("'\(key)' must be a whole number, found \(YAMLDocument.describe(node))", at: locate(node.mark))
    return nil
  }

  func date(_ key: String, required: Bool = false) -> SimpleDate? {
    guard let text = string(key, required: required) else { return nil }
    guard let date = SimpleDate(text.value) else {
      error("'\(key)' must be a date written YYYY-MM-DD, found '\(text.value)'", at: text.location)
      return nil
    }
    return date
  }

  /// A list of texts; a single text is accepted as a one-item list.
  func strings(_ key: String, required: Bool = false) -> [Located<String>] {
    guard let node = node(key) else {
      if required { error("missing required field '\(key)'", at: location) }
      return []
    }
    let items: [Node]
    switch node {
    case .sequence(let sequence): items = Array(sequence)
    case .scalar: items = [node]
    default:
      error("'\(key)' must be a list such as [a, b], found \(YAMLDocument.describe(node))", at: locate(node.mark))
      return []
    }
    var values: [Located<String>] = []
    for item in items {
      guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
        error(
          "each item of '\(key)' must be a single word or text, found \(YAMLDocument.describe(item))",
          at: locate(item.mark))
        continue
      }
      values.append(Located(Self.trimming(scalar.string, .whitespaces), at: locate(item.mark)))
    }
    if required && values.isEmpty && !diagnostics.hasErrors {
      error("'\(key)' must list at least one item", at: locate(node.mark))
    }
    return values
  }

  /// A list of mappings (such as `roles:` or `attachments:`), each read by `read`.
  func records<Record>(_ key: String, read: (YAMLFields) -> Record?) -> [Record] {
    guard let node = node(key) else { return [] }
    guard case .sequence(let sequence) = node else {
      error("'\(key)' must be a list of entries, each starting with '- '", at: locate(node.mark))
      return []
    }
    var records: [Record] = []
    for item in sequence {
      guard case .mapping(let mapping) = item else {
        error(
          "each entry of '\(key)' must be a group of fields, found \(YAMLDocument.describe(item))",
          at: locate(item.mark))
        continue
      }
      let fields = YAMLFields(mapping, parent: self)
      if let record = read(fields) { records.append(record) }
      fields.reportUnknownKeys()
      diagnostics.append(contentsOf: fields.diagnostics.diagnostics)
    }
    return records
  }

  /// A nested mapping (such as `translations:`), read by `read`.
  func record<Record>(_ key: String, read: (YAMLFields) -> Record?) -> Record? {
    guard let node = node(key) else { return nil }
    guard case .mapping(let mapping) = node else {
      error("'\(key)' must be a group of fields, found \(YAMLDocument.describe(node))", at: locate(node.mark))
      return nil
    }
    let fields = YAMLFields(mapping, parent: self)
    let record = read(fields)
    diagnostics.append(contentsOf: fields.diagnostics.diagnostics)
    return record
  }

  /// The keys of this mapping, for mappings keyed by free names (such as language ids).
  var keys: [Located<String>] { pairs.map { Located($0.key, at: locate($0.keyNode.mark)) } }

  /// `text` without the characters of `set` at either end. Foundation's trimming costs as much as parsing the YAML,
  /// and most values start and end with a printable ASCII character, which no such set holds.
  private static func trimming(_ text: String, _ set: CharacterSet) -> String {
    let printable: ClosedRange<UInt8> = 0x21...0x7E
    if let first = text.utf8.first, let last = text.utf8.last, printable.contains(first), printable.contains(last) {
      return text
    }
    return text.trimmingCharacters(in: set)
  }

  /// Warns about every key no getter asked for: usually a typo.
  func reportUnknownKeys() {
    for pair in pairs where !known.contains(pair.key) {
      warning(
        "unknown field '\(pair.key)' is ignored\(DidYouMean.hint(for: pair.key, among: known))",
        at: locate(pair.keyNode.mark))
    }
  }
}
