/// Where a problem is: a path relative to the project root, with a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int

  public init(path: String, line: Int = 1, column: Int = 1) {
    self.path = path
    self.line = max(line, 1)
    self.column = max(column, 1)
  }

  /// The path is quoted, with escapes, when it holds a control character: a file name with a line break would
  /// otherwise split the diagnostic over two lines.
  public var description: String { "\(QuotedPath.forDiagnostic(path)):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}
