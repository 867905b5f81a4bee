/// Gathers every problem a stage finds, so the user sees them all at once rather than one per run.
public struct DiagnosticCollector: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  public mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  public mutating func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(.warning(message, at: location))
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }

  /// Ends a stage: throws every diagnostic when any is an error, else hands back the warnings.
  public func finish() throws(BuildFailure) -> [Diagnostic] {
    if hasErrors { throw BuildFailure(diagnostics: diagnostics) }
    return diagnostics
  }
}
