/// What the stages of one build found, as they run: each stage hands back its value and its diagnostics, or
/// throws them when it could make no value; the build goes on to the next stage only without errors.
struct StageDiagnostics {
  private(set) var errors: [Diagnostic] = []
  private(set) var warnings: [Diagnostic] = []

  var hasErrors: Bool { !errors.isEmpty }

  /// Everything found, for a build that stops.
  var failure: BuildFailure { BuildFailure(diagnostics: errors + warnings) }

  /// Runs one stage; its value, or nil when it failed.
  mutating func run<Value>(_ stage: () throws(BuildFailure) -> Checked<Value>) -> Value? {
    do {
      let checked = try stage()
      for diagnostic in checked.diagnostics {
        if diagnostic.severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
      }
      return checked.value
    } catch {
      errors += error.diagnostics
      return nil
    }
  }
}
