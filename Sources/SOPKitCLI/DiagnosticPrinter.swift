import Foundation
import SOPKit

/// Writes diagnostics to standard error as `path:line:col: error: message`, with a count line.
enum DiagnosticPrinter {
  static func print(_ diagnostics: [Diagnostic], countLine: Bool) {
    var text = diagnostics.sortedUnique().map { "\(StandardError.line(for: $0))\n" }.joined()
    if countLine {
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.count - errors
      text += "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")\n"
    }
    StandardError.write(text)
  }
}
