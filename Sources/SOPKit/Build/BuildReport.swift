/// What a successful build did: how many files of each kind, how long it took, and its warnings.
public struct BuildReport: Sendable {
  public var pageCount: Int
  public var fileCount: Int
  public var guideCount: Int
  public var storyCount: Int
  public var warnings: [Diagnostic]
  public var seconds: Double
  /// Seconds per stage, in order, for `--verbose` and benchmarks.
  public var stageSeconds: [(stage: String, seconds: Double)]
  /// Statewide files a county's overlay replaces, for `sopkit check` to list.
  public var replacements: [OverlayReplacement] = []
}
