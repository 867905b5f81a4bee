/// How a build runs: whether drafts are included, whether anything is written, and whether an up-to-date
/// output may be kept as it is.
public struct BuildOptions: Sendable {
  public var includeDrafts: Bool
  /// `false` for `sopkit check`: every stage runs, nothing is written.
  public var writeOutput: Bool
  /// `true` (`--force`): build even when the output folder's stamp says it was built from the same input.
  public var force: Bool
  /// Told the name of each stage as it starts ("check", "load", "assemble", "render", "write"), for a progress line.
  public var progress: (@Sendable (String) -> Void)?
  /// Says on the home page and in the footer which build this is (`sopkit bundle`, `build --stamp`).
  public var stampsBuild = false
  /// `SOURCE_DATE_EPOCH`: the stamp's date, instead of the newest date in the content.
  public var sourceDateEpoch: Int?

  public init(
    includeDrafts: Bool = false, writeOutput: Bool = true, force: Bool = false,
    progress: (@Sendable (String) -> Void)? = nil
  ) {
    self.includeDrafts = includeDrafts
    self.writeOutput = writeOutput
    self.force = force
    self.progress = progress
  }
}
