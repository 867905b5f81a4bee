/// All output paths of a build with where each came from; refuses two sources writing one path.
struct RouteTable: Sendable {
  /// Who writes a path: a source file, or nil for the pages the toolkit makes itself.
  private(set) var owners: [String: SourceLocation?] = [:]

  /// Claims `path` for `owner`; reports a clash at the source file's location.
  mutating func claim(_ path: String, by owner: SourceLocation?, diagnostics: inout DiagnosticCollector) {
    guard let existing = owners[path] else {
      owners[path] = owner
      return
    }
    switch (existing, owner) {
    case (nil, let owner?), (let owner?, nil):
      diagnostics.error(
        "this page would be written to '\(path)', which the toolkit needs for its own page; rename the file", at: owner)
    case (let first?, let owner?):
      diagnostics.error(
        "this page would be written to '\(path)', which '\(first.path)' already uses; rename the file", at: owner)
    case (nil, nil):
      preconditionFailure("the toolkit claimed '\(path)' twice")
    }
  }

  var paths: Set<String> { Set(owners.keys) }
}
