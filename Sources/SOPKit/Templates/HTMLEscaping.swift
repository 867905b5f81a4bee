import Mustache

/// The escaping of every `{{value}}`: swift-mustache's own five replacements (`& < > " '`), made on UTF-8 bytes.
///
/// swift-mustache escapes Character by Character through a dictionary, which cost a tenth of a 10,000-guide
/// build; templates choose this content type with a pragma `TemplateSet` puts before each of them.
struct HTMLEscaping: MustacheContentType {
  static let name = "SOPKIT_HTML"
  /// The pragma choosing this content type, registered on first use: a standalone tag on a line of its own,
  /// so it writes nothing, and adds one line before the template's first.
  static let pragma: String = {
    MustacheContentTypes.register(HTMLEscaping(), named: name)
    return "{{%CONTENT_TYPE:\(name)}}\n"
  }()

  func escapeText(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { HTMLEscaping.replacement(for: $0) != nil }) else { return text }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count + 32)
    for byte in utf8 {
      if let replacement = HTMLEscaping.replacement(for: byte) {
        escaped.append(contentsOf: replacement.utf8)
      } else {
        escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  private static func replacement(for byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
  }
}
