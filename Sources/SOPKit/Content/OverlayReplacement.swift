/// A statewide file that a county's overlay replaces, because the overlay has a file at the same path.
public struct OverlayReplacement: Sendable, Hashable, CustomStringConvertible {
  /// The overlay's file, as diagnostics name it (`kern/guides/safety-plans.md`).
  public var overlayPath: String
  /// The statewide file it replaces (`Content/guides/safety-plans.md`).
  public var statewidePath: String

  public var description: String { "\(overlayPath): replaces \(statewidePath)" }
}
