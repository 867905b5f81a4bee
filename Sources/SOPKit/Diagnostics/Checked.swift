/// What a stage, or a reader of one file, hands on: its value and the problems it found. A reader that can make
/// no value throws a `BuildFailure` instead; one that can goes on, so that later stages report what they find too,
/// and the build stops before writing when any diagnostic is an error.
struct Checked<Value> {
  var value: Value
  var diagnostics: [Diagnostic]
}

extension Checked: Sendable where Value: Sendable {}
