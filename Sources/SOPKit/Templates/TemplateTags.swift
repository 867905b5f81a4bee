/// The tags of one Mustache template, found before swift-mustache parses it: the partials it includes, how deeply its
/// sections nest, and the mistakes swift-mustache would crash on, drop silently or describe badly.
///
/// Follows swift-mustache's reading: a tag's kind is the character right after its opening delimiter, a comment ends
/// at the first closing delimiter, and `{{=<% %>=}}` changes the delimiters for the rest of the template.
struct TemplateTags: Sendable {
  /// A `{{> name}}` or `{{< name}}`: a template this one includes.
  struct PartialUse: Sendable {
    var name: String
    /// The UTF-8 offset of the tag's opening delimiter.
    var offset: Int
    /// How many sections are open around the tag.
    var depth: Int
  }

  /// A mistake found, at the UTF-8 offset of the tag it is about.
  struct Problem: Sendable {
    var message: String
    var offset: Int
  }

  /// More sections than this open at once are refused: swift-mustache parses and renders sections recursively, and
  /// a few thousand exhaust the stack.
  static let maximumDepth = 200

  private(set) var partials: [PartialUse] = []
  private(set) var problems: [Problem] = []
  /// The most sections open at once.
  private(set) var depth = 0

  init(_ text: String) {
    let bytes = Array(text.utf8)
    var open = Array("{{".utf8)
    var close = Array("}}".utf8)
    var sections: [String] = []
    var index = 0
    while let start = Self.find(open, in: bytes, from: index) {
      let kindIndex = start + open.count
      let kind = kindIndex < bytes.count ? bytes[kindIndex] : 0
      let isTriple = kind == UInt8(ascii: "{") && open == Array("{{".utf8)
      let closing = isTriple ? close + [UInt8(ascii: "}")] : close
      let searchFrom = kind == UInt8(ascii: "=") ? kindIndex + 1 : kindIndex
      guard
        let end = Self.find(kind == UInt8(ascii: "=") ? Array("=".utf8) + close : closing, in: bytes, from: searchFrom)
      else {
        let delimiter = String(decoding: open, as: UTF8.self)
        problems.append(
          Problem(
            message: kindIndex >= bytes.count
              ? "the template ends with '\(delimiter)', the start of a tag; remove it or finish the tag"
              : "the template ends inside this tag: close it with '\(String(decoding: closing, as: UTF8.self))'",
            offset: start))
        return
      }
      let contentStart = kind == 0 || Self.isNameByte(kind) || Self.isSpace(kind) ? kindIndex : kindIndex + 1
      let name = String(decoding: bytes[min(contentStart, end)..<end], as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      index = end + (kind == UInt8(ascii: "=") ? 1 + close.count : closing.count)
      switch kind {
      case UInt8(ascii: "!"), UInt8(ascii: "%"):
        continue
      case UInt8(ascii: "="):
        let parts = name.split(whereSeparator: { $0.isWhitespace })
        guard parts.count == 2 else { continue }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
      case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
        sections.append(name)
        depth = max(depth, sections.count)
        if sections.count == Self.maximumDepth + 1 {
          problems.append(
            Problem(
              message:
                "sections are nested more than \(Self.maximumDepth) deep here; close some before opening more",
              offset: start))
          return
        }
        if kind == UInt8(ascii: "<") {
          partials.append(PartialUse(name: name, offset: start, depth: sections.count - 1))
        }
      case UInt8(ascii: "/"):
        if sections.last == name { sections.removeLast() }
      case UInt8(ascii: ">"):
        if name.hasPrefix("*") {
          problems.append(
            Problem(
              message: "dynamic partials ('\(name)') are not supported: name the partial's file instead",
              offset: start))
        } else {
          partials.append(PartialUse(name: name, offset: start, depth: sections.count))
        }
      default:
        if let problem = Self.incompleteName(name, tag: String(decoding: bytes[start..<index], as: UTF8.self)) {
          problems.append(Problem(message: problem, offset: start))
        }
      }
    }
  }

  /// Why a variable's name names nothing, if it does not: `{{}}`, `{{t.}}`, `{{.t}}`, `{{a..b}}`.
  private static func incompleteName(_ name: String, tag: String) -> String? {
    if name.isEmpty { return "the tag '\(tag)' names no value; write a name between the braces or remove it" }
    guard name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
    else { return nil }
    return "the tag '\(tag)' names no value: a part of the name before or after a '.' is missing"
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "("),
      UInt8(ascii: ")"):
      true
    default: false
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// The offset of the first `needle` in `bytes` at or after `from`.
  private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, !needle.isEmpty else { return nil }
    var index = from
    while index + needle.count <= bytes.count {
      guard let found = bytes[index...].firstIndex(of: first) else { return nil }
      if found + needle.count <= bytes.count, bytes[found..<(found + needle.count)].elementsEqual(needle) {
        return found
      }
      index = found + 1
    }
    return nil
  }
}
