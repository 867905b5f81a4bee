/// A file path as a diagnostic shows it: as it is, or in double quotes with its control characters escaped.
/// A diagnostic is one line, whatever names it quotes.
enum QuotedPath {
  static func forDiagnostic(_ path: String) -> String {
    guard path.unicodeScalars.contains(where: needsEscape) else { return path }
    return "\"" + escaped(path, quote: true) + "\""
  }

  /// `text` with its control characters written as escapes, so that it stays on one line; with `quote`, double
  /// quotes and backslashes too.
  static func escaped(_ text: String, quote: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) || quote else { return text }
    var quoted = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": quoted += "\\n"
      case "\r": quoted += "\\r"
      case "\t": quoted += "\\t"
      case "\"" where quote: quoted += "\\\""
      case "\\" where quote: quoted += "\\\\"
      case _ where needsEscape(scalar):
        quoted += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted
  }

  /// Control characters, and the line and paragraph separators some terminals break lines at.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
  }
}
