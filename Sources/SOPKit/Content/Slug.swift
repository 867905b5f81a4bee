import Foundation

/// The rule for file names that become URLs: lowercase letters, digits and `-`.
enum Slug {
  static func isValid(_ slug: String) -> Bool {
    !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
      && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// A slug made from free text ("Child & Family Team" → `child-family-team`), for tags and file names.
  /// Letters of any script are kept, lowercased; every other run of characters becomes one `-`.
  static func make(from text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text) }
    var slug = ""
    var pendingDash = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingDash && !slug.isEmpty { slug.append("-") }
        pendingDash = false
        slug.append(character)
      } else {
        pendingDash = true
      }
    }
    return slug
  }

  /// `make` for ASCII text, on bytes: the same rule, without Unicode case mapping and character breaking.
  private static func makeFromASCII(_ text: String) -> String {
    var slug: [UInt8] = []
    var pendingDash = false
    for byte in text.utf8 {
      let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
      if (0x61...0x7A).contains(lowered) || (0x30...0x39).contains(lowered) {
        if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
        pendingDash = false
        slug.append(lowered)
      } else {
        pendingDash = true
      }
    }
    return String(decoding: slug, as: UTF8.self)
  }

  /// Explains what is wrong with a file name that is not a slug.
  static func problem(with name: String) -> String {
    let suggestion = make(from: name).folding(options: .diacriticInsensitive, locale: nil)
    let hint = Slug.isValid(suggestion) ? " (rename it to '\(suggestion)')" : ""
    return "the file name '\(name)' is not a valid slug: use only lowercase letters, digits and '-'\(hint)"
  }
}
