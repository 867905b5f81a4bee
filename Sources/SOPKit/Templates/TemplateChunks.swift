import Mustache

/// Parses a template with swift-mustache in time linear in its length, by handing it pieces of a bounded size.
///
/// swift-mustache measures the distance from each tag to the end of the text, so one long template took time growing
/// with the square of its tags (25,000 tags: 11 s). A long template becomes a template that includes its pieces in
/// order (`{{>name/(piece-1)}}{{>name/(piece-2)}}…`), each piece parsed alone. Pieces are cut only where that renders
/// the same: outside every section, with the default delimiters, and after a line break or between a value tag and
/// what is not blank, so that no tag changes whether it stands alone on its line.
enum TemplateChunks {
  /// Pieces are about this many bytes long.
  static let pieceBytes = 8_192

  /// The template `name` as parsed from `text`, with its pieces when it has been cut; `prefix` (the content-type
  /// pragma) goes before each piece.
  static func parse(_ text: String, name: String, prefix: String) throws -> [String: MustacheTemplate] {
    let cuts = text.utf8.count > 2 * pieceBytes ? cutPoints(Array(text.utf8)) : []
    guard !cuts.isEmpty else { return [name: try MustacheTemplate(string: prefix + text)] }
    let bytes = Array(text.utf8)
    var templates: [String: MustacheTemplate] = [:]
    var includes = ""
    for (index, range) in zip([0] + cuts, cuts + [bytes.count]).enumerated() {
      let piece = "\(name)/(piece-\(index + 1))"
      templates[piece] = try MustacheTemplate(
        string: prefix + String(decoding: bytes[range.0..<range.1], as: UTF8.self))
      includes += "{{>\(piece)}}"
    }
    templates[name] = try MustacheTemplate(string: prefix + includes)
    return templates
  }

  /// The UTF-8 offsets to cut `bytes` at, about `pieceBytes` apart; none when the template changes its delimiters.
  static func cutPoints(_ bytes: [UInt8]) -> [Int] {
    let brace = UInt8(ascii: "{")
    var cuts: [Int] = []
    var depth = 0
    var pieceStart = 0
    var index = 0
    // Whether the byte before `index` ends a value tag.
    var afterValueTag = false
    while index < bytes.count {
      let wantsCut = depth == 0 && index - pieceStart >= pieceBytes
      guard bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace else {
        if wantsCut && (afterValueTag ? !isBlank(bytes[index]) : index > 0 && bytes[index - 1] == 0x0A) {
          cuts.append(index)
          pieceStart = index
        }
        afterValueTag = false
        index += 1
        continue
      }
      let kind = index + 2 < bytes.count ? bytes[index + 2] : 0
      // Delimiter and content-type changes hold to the end of the text they are in: such a template stays whole.
      if kind == UInt8(ascii: "=") || kind == UInt8(ascii: "%") { return [] }
      let isValue = !"#^/!>$<%=".utf8.contains(kind)
      if wantsCut && ((afterValueTag && isValue) || (index > 0 && bytes[index - 1] == 0x0A)) {
        cuts.append(index)
        pieceStart = index
      }
      let close = kind == brace ? [UInt8]("}}}".utf8) : [UInt8]("}}".utf8)
      guard let end = find(close, in: bytes, from: index + 2) else { return cuts }
      switch kind {
      case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"): depth += 1
      case UInt8(ascii: "/"): depth = max(depth - 1, 0)
      default: break
      }
      afterValueTag = isValue
      index = end + close.count
    }
    return cuts
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0x80
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    var index = from
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
