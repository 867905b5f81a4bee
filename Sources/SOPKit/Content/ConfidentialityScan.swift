import Foundation

/// Looks through a story's text for what could identify a child or family (California WIC §10850 and §827):
/// Social Security numbers, dates of birth, phone numbers, e-mail addresses and case or referral numbers.
///
/// Each finding is a warning at its line and column that names what it saw and how to fix it; `--strict`
/// makes them errors. Addresses and numbers that contacts.yaml or the share settings publish are not findings.
struct ConfidentialityScan: Sendable {
  /// One kind of identifying detail: its id (the share page's words for it are `share_what_<id>`), how a message
  /// names it and says to fix it, and the regular expression that finds it (ICU syntax that JavaScript reads
  /// alike, with the `i` flag).
  struct Kind: Sendable {
    let id: String
    let what: String
    let fix: String
    let pattern: String
  }

  /// A kind with its expression compiled.
  private struct Pattern: @unchecked Sendable {
    let kind: Kind
    let expression: NSRegularExpression
  }

  /// Lowercased e-mail addresses and phone digits the site publishes anyway.
  private let publishedEmails: Set<String>
  private let publishedPhones: Set<String>
  private let patterns: [Pattern]

  init(regions: [Located<Region>], share: ShareSettings) {
    let contacts = regions.flatMap(\.value.contacts)
    publishedEmails = Set((contacts.compactMap(\.email) + [share.email].compactMap { $0 }).map { $0.lowercased() })
    publishedPhones = Set(contacts.compactMap(\.phone).map(Self.digits).map(Self.withoutCountryCode))
    patterns = Self.kinds.map { kind in
      // The patterns are constants below; a mistake in one is a programming error the tests catch.
      Pattern(kind: kind, expression: try! NSRegularExpression(pattern: kind.pattern, options: [.caseInsensitive]))
    }
  }

  private static let month =
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\b"
  private static let date =
    "(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\(month)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+(?:de\\s+)?\(month)(?:,?\\s+(?:de\\s+)?\\d{4})?)"

  /// Every kind, in the order they are looked for: a match claims its text from the kinds after it.
  static let kinds: [Kind] = [
    Kind(
      id: "ssn",
      what: "a Social Security number",
      fix: "remove it; a story never needs one",
      pattern: "(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}[- –]\\d{2}[- –]\\d{4}(?![\\w-])"
    ),
    Kind(
      id: "birth_date",
      what: "a date of birth",
      fix: "remove it or say only an age range, such as 'a toddler' or 'a teenager'",
      pattern:
        "\\b(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|born(?: on| in)?|fecha de nacimiento|naci[óo](?: el)?|nacid[oa](?: el)?)\\s*[:#-]?\\s*\(date)"
    ),
    Kind(
      id: "case_number",
      what: "a case or referral number",
      fix: "remove it; editors and readers never need the number",
      pattern:
        "\\b(?:case|referral|client|caso|referencia)\\s*(?:number|no\\.?|num\\.?|id|n[úu]mero)?\\s*[:#]?\\s*(?=(?:[a-z-]*\\d){5})[a-z0-9][a-z0-9-]{4,}\\b|\\b\\d{4}-\\d{4}-\\d{4}-\\d{7}\\b"
    ),
    Kind(
      id: "phone",
      what: "a phone number",
      fix: "remove it; to point readers to someone, list the office in contacts.yaml",
      pattern: "(?<![\\w./-])(?:\\+?1[ .\\-–—]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[ .\\-–—])\\d{3}[ .\\-–—]\\d{4}(?![\\w/-])"
    ),
    Kind(
      id: "email",
      what: "an e-mail address",
      fix: "remove it; to point readers to someone, list the office in contacts.yaml",
      pattern:
        "(?<![\\w.+-])[a-z0-9._%+-]+@[a-z0-9.-]+\\.(?!(?:swift|service|timer|socket|target|mount|md|txt|json|ya?ml|js|py|html?)\\b)[a-z]{2,}\\b"
    ),
  ]

  /// The warnings for `file`, one per finding, in the order they appear.
  func warnings(in file: SourceFile) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // Every pattern needs a digit or an '@'; most lines of prose have neither.
      guard line.contains(where: { $0.isNumber || $0 == "@" }) else { continue }
      let text = String(line)
      let whole = NSRange(text.startIndex..., in: text)
      var claimed: [NSRange] = []
      for pattern in patterns {
        for match in pattern.expression.matches(in: text, range: whole) {
          guard !claimed.contains(where: { NSIntersectionRange($0, match.range).length > 0 }),
            let range = Range(match.range, in: text)
          else { continue }
          let seen = String(text[range])
          if isPublished(seen) || isInsideWebAddress(range, of: text) { continue }
          claimed.append(match.range)
          let column = text[..<range.lowerBound].unicodeScalars.count + 1
          found.append(
            .warning(
              "this looks like \(pattern.kind.what) ('\(seen)'); a story must not carry details that could identify a child or family: \(pattern.kind.fix)",
              at: SourceLocation(path: file.path, line: index + 1, column: column)))
        }
      }
    }
    return found.sorted()
  }

  private func isPublished(_ seen: String) -> Bool {
    if seen.contains("@") { return publishedEmails.contains(seen.lowercased()) }
    let digits = Self.withoutCountryCode(Self.digits(seen))
    return digits.count >= 7 && publishedPhones.contains(digits)
  }

  /// Numbers in a link's address (`https://example.org/2019-05-01/...`) are part of the address, not the story.
  private func isInsideWebAddress(_ range: Range<String.Index>, of text: String) -> Bool {
    let start = text[..<range.lowerBound].lastIndex(where: { $0.isWhitespace || $0 == "(" || $0 == "<" })
    let word = text[(start.map { text.index(after: $0) } ?? text.startIndex)..<range.upperBound]
    return word.contains("://") || word.hasPrefix("www.")
  }

  private static func digits(_ text: String) -> String { String(text.filter { $0.isASCII && $0.isNumber }) }

  private static func withoutCountryCode(_ digits: String) -> String {
    digits.count == 11 && digits.hasPrefix("1") ? String(digits.dropFirst()) : digits
  }
}
