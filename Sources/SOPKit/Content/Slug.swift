import Foundation

/// The rule for file names that become URLs: lowercase letters, digits and `-`.
enum Slug {
  static func isValid(_ slug: String) -> Bool {
    !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
      && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// A slug made from free text ("Child & Family Team" → `child-family-team`), for tags and anchors.
  /// Letters of any script are kept, lowercased; every other run of characters becomes one `-`.
  static func make(from text: String) -> String {
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

  /// Explains what is wrong with a file name that is not a slug.
  static func problem(with name: String) -> String {
    let suggestion = make(from: name).folding(options: .diacriticInsensitive, locale: nil)
    let hint = Slug.isValid(suggestion) ? " (rename it to '\(suggestion)')" : ""
    return "the file name '\(name)' is not a valid slug: use only lowercase letters, digits and '-'\(hint)"
  }
}
