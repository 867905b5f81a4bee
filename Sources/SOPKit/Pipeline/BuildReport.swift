/// What a successful build did: how many files of each kind, how long it took, and its warnings.
public struct BuildReport: Sendable {
  public var pageCount: Int
  /// Pages rendered by this build: all of them, or fewer when `sopkit serve` reused its last build.
  public var pagesRendered = 0
  public var fileCount: Int
  public var guideCount: Int
  public var storyCount: Int
  public var warnings: [Diagnostic]
  public var seconds: Double
  /// Seconds per stage, in order, for `--verbose` and benchmarks. The search index is made alongside the render
  /// stage, so the stages can add up to more than `seconds`.
  public var stageSeconds: [(stage: String, seconds: Double)]
  /// `true` when the output was already built from the same input and was left as it is.
  public var upToDate = false
  /// Statewide files a county's overlay replaces, for `sopkit check` to list.
  public var replacements: [OverlayReplacement] = []
}
