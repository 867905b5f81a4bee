import Foundation

/// Gives headings stable, unique ids made from their text as GitHub does, so a link copied from GitHub's view of a
/// file works here: lowercased, punctuation removed, each space a `-`, letters of every script and their accents
/// kept (``Where's the `?` Operator?`` → `wheres-the--operator`, "Cómo empezar" → `cómo-empezar`).
struct HeadingAnchors {
  /// Ids the templates use themselves, so a heading never takes one of them: the search contract's,
  /// the skip link's target, and every id that starts with `sk-` (the prefix templates keep for their own).
  static let reserved: Set<String> = ["top", "main", "search-input", "search-results", "search-status"]

  static func isReserved(_ id: String) -> Bool { reserved.contains(id) || id.hasPrefix("sk-") }

  private var used: Set<String> = []

  /// The id for a heading; a repeated text gets `-1`, `-2`, ... as on GitHub.
  mutating func id(for text: String) -> String {
    let slug = Self.slug(for: text)
    let base = slug.isEmpty ? "section" : slug
    var candidate = base
    var counter = 1
    // Only the base is checked against the `sk-` prefix: a numbered id such as `sk-toc-1` is never a template's.
    while used.contains(candidate) || Self.reserved.contains(candidate) || (candidate == base && Self.isReserved(base))
    {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// The heading text GitHub reads: cmark's smart punctuation turned `--` and `---` into dashes that GitHub, which
  /// reads the text as typed, keeps as hyphens; dashes typed as such in `source` stay dashes (and are dropped).
  static func typedText(of text: String, source: Substring) -> String {
    guard text.contains("\u{2013}") || text.contains("\u{2014}"),
      !source.contains("\u{2013}") && !source.contains("\u{2014}")
    else { return text }
    return text.replacingOccurrences(of: "\u{2014}", with: "---").replacingOccurrences(of: "\u{2013}", with: "--")
  }

  /// GitHub's rule: keep what Unicode calls word characters (letters, marks, digits, `_`) and `-`, turn each
  /// space into `-`, drop the rest.
  static func slug(for text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
          UInt8(ascii: "-"):
          bytes.append(byte)
        case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
        default: break
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var slug = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
        .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
        slug.append(scalar)
      default:
        if scalar == "-" {
          slug.append(scalar)
        } else if scalar == " " {
          slug.append("-")
        }
      }
    }
    return String(slug)
  }
}
