/// What a county's overlay says about its copy, from the overlay's `site.yaml`: its name, logo and notice.
public struct LocalSettings: Sendable, Equatable {
  /// The county whose copy this is (`Kern County`).
  public var county: String?
  /// The content path of the county's logo, a file in the overlay folder.
  public var logo: String?
  /// A short text shown at the top of every page.
  public var notice: String?
}
