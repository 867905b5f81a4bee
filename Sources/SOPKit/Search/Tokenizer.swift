import Foundation

/// Splits text into folded words the way `Public/js/search-engine.js` does: runs of letters, marks and digits
/// (joined by apostrophes), folded by compatibility decomposition, mark removal and lowercasing.
struct Tokenizer: Sendable {
  let stemmer: (any Stemmer)?

  /// The index terms of `text`, in order: folded words, stemmed when the word is plain ASCII.
  func terms(_ text: String) -> [String] {
    words(text).map(term)
  }

  /// The index term of one folded word; apostrophes go once the stemmer has used them.
  func term(_ word: String) -> String {
    let isPlain = word.utf8.allSatisfy { Self.isASCIIWordByte($0) }
    let stemmed = isPlain ? (stemmer?.stem(word) ?? word) : word
    return stemmed.contains("'") ? stemmed.replacingOccurrences(of: "'", with: "") : stemmed
  }

  /// The folded words of `text`.
  func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var pendingApostrophe = false
    func flush() {
      if !current.isEmpty { words.append(Self.fold(current)) }
      current = String.UnicodeScalarView()
      pendingApostrophe = false
    }
    for scalar in text.unicodeScalars {
      let kind = Self.kind(scalar)
      if kind == .wordStart || (kind == .mark && !current.isEmpty && !pendingApostrophe) {
        if pendingApostrophe { current.append("'") }
        pendingApostrophe = false
        current.append(scalar)
      } else if kind == .apostrophe && !current.isEmpty && !pendingApostrophe {
        pendingApostrophe = true
      } else {
        flush()
      }
    }
    flush()
    return words
  }

  private enum Kind { case wordStart, mark, apostrophe, other }

  private static func kind(_ scalar: Unicode.Scalar) -> Kind {
    if scalar.isASCII {
      let v = scalar.value
      if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) { return .wordStart }
      return v == 0x27 ? .apostrophe : .other
    }
    if scalar == "\u{2019}" { return .apostrophe }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber:
      return .wordStart
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    default: return .other
    }
  }

  private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
  }

  /// Compatibility decomposition, marks removed, lowercase; plain ASCII takes the quick way.
  private static func fold(_ scalars: String.UnicodeScalarView) -> String {
    if scalars.allSatisfy(\.isASCII) { return String(scalars).lowercased() }
    let decomposed = String(scalars).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { scalar in
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: false
      default: true
      }
    }
    return String(String.UnicodeScalarView(decomposed)).lowercased()
  }
}
