/// Why `sopkit import` wrote nothing: each problem found in the package, as `path:line:col: error: message`.
public struct ImportRefusal: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sortedUnique() }

  init(_ message: String, at path: String) { self.init([.error(message, at: SourceLocation(path: path))]) }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
