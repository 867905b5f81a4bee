/// A template with each `{{name}}` of a page-independent value written out, HTML-escaped (`{{{name}}}` raw):
/// the interface words (`t.search`), `root`, the site's main `links.*` and `site.*`, which are the same on
/// every page of one language in one folder.
///
/// A lookup costs swift-mustache a walk down the context stack: these were two fifths of rendering a guide page.
/// A value stays a tag where writing it out could change how the template parses: one that is empty, blank or
/// holds a line break or braces, and every tag of a template that changes its delimiters. No section or list
/// item of `PageContext` has a key named like these, so no tag could have meant another value.
enum FoldedValues {
  static func fold(_ text: String, values: [String: String]) -> String {
    guard !text.contains("{{=") else { return text }
    let bytes = Array(text.utf8)
    var folded: [UInt8] = []
    folded.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard let tag = tag(in: bytes, at: index), let value = values[tag.name], canFold(value) else {
        folded.append(bytes[index])
        index += 1
        continue
      }
      folded.append(contentsOf: (tag.isRaw ? value : HTMLEscaping().escapeText(value)).utf8)
      index = tag.end
    }
    return String(decoding: folded, as: UTF8.self)
  }

  /// The variable tag `{{name}}` or `{{{name}}}` starting at `start`, if there is one there.
  private static func tag(in bytes: [UInt8], at start: Int) -> (name: String, isRaw: Bool, end: Int)? {
    let brace = UInt8(ascii: "{")
    guard start + 1 < bytes.count, bytes[start] == brace, bytes[start + 1] == brace else { return nil }
    let isRaw = start + 2 < bytes.count && bytes[start + 2] == brace
    var index = start + (isRaw ? 3 : 2)
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    let nameStart = index
    while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
    let nameEnd = index
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    let close = Array((isRaw ? "}}}" : "}}").utf8)
    guard nameEnd > nameStart, bytes[index...].starts(with: close) else { return nil }
    return (String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self), isRaw, index + close.count)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
    default: false
    }
  }

  private static func canFold(_ value: String) -> Bool {
    !value.allSatisfy(\.isWhitespace) && !value.contains(where: { $0 == "{" || $0 == "}" || $0.isNewline })
  }
}
