import Foundation
import SOPKit

/// Writes errors and warnings to standard error, coloured on a terminal and plain when piped or when `NO_COLOR`
/// is set (https://no-color.org); the words are the same either way.
enum StandardError {
  /// Colours only for a person at a terminal that can show them.
  static let usesColour: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return isatty(STDERR_FILENO) != 0 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }()

  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// `error: message`, for a problem that is not in one of the project's files.
  static func error(_ message: String) {
    write("\(label(.error)) \(message)\n")
  }

  /// `path:line:col: error: message`, with the place in bold and the severity in its colour.
  static func line(for diagnostic: Diagnostic) -> String {
    guard usesColour else { return diagnostic.description }
    return "\(bold)\(diagnostic.location):\(reset) \(label(diagnostic.severity)) \(diagnostic.message)"
  }

  private static func label(_ severity: Diagnostic.Severity) -> String {
    guard usesColour else { return "\(severity.rawValue):" }
    // Red for errors, magenta for warnings, as compilers show them.
    let colour = severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
    return "\(colour)\(severity.rawValue):\(reset)"
  }

  private static let bold = "\u{1B}[1m"
  private static let reset = "\u{1B}[0m"
}
