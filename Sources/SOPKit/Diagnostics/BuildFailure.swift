/// The error a stage throws when the user's project has errors; carries every diagnostic found.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sortedUnique()
  }

  public init(_ diagnostic: Diagnostic) {
    self.init(diagnostics: [diagnostic])
  }

  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
