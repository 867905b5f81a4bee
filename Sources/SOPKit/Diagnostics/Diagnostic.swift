/// One problem found in the user's project, printed as `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// How bad a problem is: errors stop the build, warnings do not.
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  /// `path:line:col: error: message`, or `error: message` for a failure of the computer (`SystemFailure`).
  public var description: String {
    isSystemFailure
      ? "\(severity.rawValue): \(QuotedPath.escaped(message))"
      : "\(location): \(severity.rawValue): \(QuotedPath.escaped(message))"
  }

  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.location, lhs.message) < (rhs.location, rhs.message)
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by file, line and column, each problem once (a YAML alias can repeat one mistake many times).
  public func sortedUnique() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return sorted().filter { seen.insert($0).inserted }
  }
}
