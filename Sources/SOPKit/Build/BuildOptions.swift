/// How a build runs: whether drafts are included and whether anything is written.
public struct BuildOptions: Sendable {
  public var includeDrafts: Bool
  /// `false` for `sopkit check`: every stage runs, nothing is written.
  public var writeOutput: Bool
  /// Told the name of each stage as it starts ("load", "assemble", "render", "write"), for a progress line.
  public var progress: (@Sendable (String) -> Void)?
  /// Says on the home page and in the footer which build this is (`sopkit bundle`, `build --stamp`).
  public var stampsBuild = false
  /// `SOURCE_DATE_EPOCH`: the stamp's date, instead of the newest date in the content.
  public var sourceDateEpoch: Int?

  public init(includeDrafts: Bool = false, writeOutput: Bool = true, progress: (@Sendable (String) -> Void)? = nil) {
    self.includeDrafts = includeDrafts
    self.writeOutput = writeOutput
    self.progress = progress
  }
}
