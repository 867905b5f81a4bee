/// All output paths of a build with where each came from; refuses two sources writing one path.
struct RouteTable: Sendable {
  private(set) var owners: [String: SourceLocation?] = [:]

  /// Claims `path` for `owner` (nil for pages the build makes itself); reports a clash as an error.
  mutating func claim(_ path: String, by owner: SourceLocation?, diagnostics: inout DiagnosticCollector) {
    if let existing = owners[path] {
      let other = existing.map { "'\($0.path)'" } ?? "a page the toolkit makes itself"
      if let owner {
        diagnostics.error("this page would be written to '\(path)', which \(other) already uses; rename the file", at: owner)
      } else if let existing {
        diagnostics.error("this page would be written to '\(path)', which the toolkit needs for its own page; rename the file", at: existing)
      }
      return
    }
    owners[path] = owner
  }

  func contains(_ path: String) -> Bool { owners[path] != nil }
}
