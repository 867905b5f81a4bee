/// Writes JSON values as UTF-8 bytes into one growing buffer, for the search index's script files.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []

  /// Text written as it is: punctuation, keys, or values already written by another writer.
  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func raw(_ written: [UInt8]) {
    bytes.append(contentsOf: written)
  }

  mutating func number(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var digits = 1
    var rest = value.magnitude
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var index = bytes.count
    rest = value.magnitude
    while rest > 0 {
      index -= 1
      bytes[index] += UInt8(rest % 10)
      rest /= 10
    }
  }

  /// `[item,item,...]`, each item written by `write`.
  mutating func list<Items: Sequence>(_ items: Items, _ write: (inout JSONWriter, Items.Element) -> Void) {
    bytes.append(UInt8(ascii: "["))
    var first = true
    for item in items {
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      write(&self, item)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// A JSON string literal, safe inside JavaScript (U+2028 and U+2029 escaped too). Runs of bytes that need no
  /// escape are copied at once: the index escapes every document's text, so this is on the build's hot path.
  mutating func string(_ text: String) {
    var text = text
    bytes.append(Self.quote)
    text.withUTF8 { utf8 in
      var runStart = 0
      var i = 0
      while i < utf8.count {
        let byte = utf8[i]
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        let isSeparator =
          byte == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
        guard byte < 0x20 || byte == Self.quote || byte == Self.backslash || isSeparator else {
          i += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        bytes.append(Self.backslash)
        switch byte {
        case Self.quote, Self.backslash: bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        case 0xE2: bytes.append(contentsOf: (utf8[i + 2] == 0xA8 ? "u2028" : "u2029").utf8)
        default:
          bytes.append(contentsOf: "u00".utf8 + [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 15)]])
        }
        i += isSeparator ? 3 : 1
        runStart = i
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(Self.quote)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
  private static let hexDigits = Array("0123456789abcdef".utf8)
}
