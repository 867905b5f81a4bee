/// How a build runs: whether drafts are included and whether anything is written.
public struct BuildOptions: Sendable {
  public var includeDrafts: Bool
  /// `false` for `sopkit check`: every stage runs, nothing is written.
  public var writeOutput: Bool

  public init(includeDrafts: Bool = false, writeOutput: Bool = true) {
    self.includeDrafts = includeDrafts
    self.writeOutput = writeOutput
  }
}
