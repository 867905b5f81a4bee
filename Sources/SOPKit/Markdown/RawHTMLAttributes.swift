import Foundation

/// The attributes of the tags in a piece of raw HTML that matter to the build: `id` (an anchor links may lead
/// to) and `href` and `src` (links and files, checked and copied like Markdown's).
///
/// A tolerant scanner, not a full HTML parser: it reads start tags as HTML's tokenizer does (quoted, single-quoted
/// and unquoted values) and skips comments, declarations and processing instructions.
struct RawHTMLAttributes {
  /// One attribute whose value matters.
  struct Attribute: Equatable {
    enum Kind: Equatable {
      case id, href, src
    }
    var kind: Kind
    /// The value with the few entities a URL or id holds in practice decoded.
    var value: String
    /// Where the value is written in the HTML, quotes included, to put another in its place.
    var range: Range<Int>
    /// 0-based line of the value within the HTML.
    var line: Int
    /// 0-based byte column of the value within its line.
    var column: Int
  }

  let attributes: [Attribute]

  init(_ html: [UInt8]) {
    var found: [Attribute] = []
    var index = 0
    var line = 0
    var lineStart = 0
    func advance(to end: Int) {
      while index < end {
        if html[index] == UInt8(ascii: "\n") {
          line += 1
          lineStart = index + 1
        }
        index += 1
      }
    }
    while index < html.count {
      guard html[index] == UInt8(ascii: "<") else {
        advance(to: index + 1)
        continue
      }
      if Self.starts(html, at: index, with: "<!--") {
        advance(to: Self.find(html, "-->", from: index + 4).map { $0 + 3 } ?? html.count)
        continue
      }
      guard index + 1 < html.count, Self.isLetter(html[index + 1]) else {
        advance(to: index + 1)
        continue
      }
      advance(to: index + 1)
      while index < html.count, !Self.isSpace(html[index]), html[index] != UInt8(ascii: ">") { advance(to: index + 1) }
      // The attributes of one start tag.
      while index < html.count, html[index] != UInt8(ascii: ">") {
        if Self.isSpace(html[index]) || html[index] == UInt8(ascii: "/") {
          advance(to: index + 1)
          continue
        }
        let nameStart = index
        while index < html.count, !Self.isSpace(html[index]), !"=>/".utf8.contains(html[index]) {
          advance(to: index + 1)
        }
        let name = String(decoding: html[nameStart..<index], as: UTF8.self).lowercased()
        if nameStart == index { advance(to: index + 1) }
        var probe = index
        while probe < html.count, Self.isSpace(html[probe]) { probe += 1 }
        guard probe < html.count, html[probe] == UInt8(ascii: "=") else { continue }
        advance(to: probe + 1)
        // The value is replaced from just after `=`, so a slot is always written `="…"`.
        let valueStart = index
        while index < html.count, Self.isSpace(html[index]) { advance(to: index + 1) }
        guard index < html.count else { break }
        let valueBegin = index
        let valueLine = line
        let valueColumn = index - lineStart
        var value: ArraySlice<UInt8>
        let quote = html[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          let close = html[(index + 1)...].firstIndex(of: quote) ?? html.count
          value = html[(index + 1)..<close]
          advance(to: min(close + 1, html.count))
        } else {
          while index < html.count, !Self.isSpace(html[index]), html[index] != UInt8(ascii: ">") {
            advance(to: index + 1)
          }
          value = html[valueBegin..<index]
        }
        let kind: Attribute.Kind? =
          switch name {
          case "id": .id
          case "href": .href
          case "src": .src
          default: nil
          }
        if let kind {
          found.append(
            Attribute(
              kind: kind, value: Self.decoded(String(decoding: value, as: UTF8.self)), range: valueStart..<index,
              line: valueLine, column: valueColumn))
        }
      }
    }
    attributes = found
  }

  /// `html` with the value of each attribute in `replacements` written as `="value"`.
  static func replacing(_ replacements: [(attribute: Attribute, value: String)], in html: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var last = 0
    for (attribute, value) in replacements.sorted(by: { $0.attribute.range.lowerBound < $1.attribute.range.lowerBound })
    {
      result += html[last..<attribute.range.lowerBound]
      result += Array("\"\(value)\"".utf8)
      last = attribute.range.upperBound
    }
    result += html[last...]
    return result
  }

  private static func decoded(_ value: String) -> String {
    guard value.contains("&") else { return value }
    return value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'")
  }

  private static func starts(_ html: [UInt8], at index: Int, with prefix: String) -> Bool {
    html[index...].starts(with: prefix.utf8)
  }

  private static func find(_ html: [UInt8], _ needle: String, from start: Int) -> Int? {
    let needle = Array(needle.utf8)
    var index = start
    while index + needle.count <= html.count {
      if html[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
  }
}
