import Foundation

@testable import SOPKit

/// A throwaway project folder written from a dictionary of files, with the repository's templates and theme.
struct TemporarySite {
  let root: URL

  /// The repository root, found from this file's path.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let siteYAML = """
    title: Test Toolkit
    description: A small site for tests.
    language: en
    roles:
      - id: leaders
        name: Leaders
        description: People who lead.
      - id: line-staff
        name: Line staff
        description: People who visit families.
    topics:
      - id: three-houses
        name: Three Houses
        description: The Three Houses tool.
    """

  /// Writes `files` (paths relative to the project root) plus a minimal `site.yaml` unless given.
  init(_ files: [String: String], copyTemplates: Bool = true) throws {
    try self.init(data: files.mapValues { Data($0.utf8) }, copyTemplates: copyTemplates)
  }

  /// Writes `files` as raw bytes, for content that need not be valid UTF-8.
  init(data files: [String: Data], copyTemplates: Bool = true) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-test-\(UUID().uuidString)")
    var files = files
    if files["Content/site.yaml"] == nil { files["Content/site.yaml"] = Data(Self.siteYAML.utf8) }
    for (path, data) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    if copyTemplates {
      for folder in ["Templates", "Public"] {
        try FileManager.default.copyItem(
          at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
      }
    }
  }

  func write(_ text: String, to path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  var project: Project { Project(base: root) }

  /// With `overlay`, a folder of the project (such as `County`) read as a county's overlay.
  func build(drafts: Bool = false, force: Bool = false, output: String = "Output", overlay: String? = nil)
    throws(BuildFailure) -> BuildReport
  {
    try SiteBuilder(
      project: Project(output: output, overlay: overlay, base: root),
      options: BuildOptions(includeDrafts: drafts, force: force)
    ).build()
  }

  /// Every file of a built site by path, without the marker file (the same words in every output folder).
  func snapshot(_ output: String = "Output") throws -> [String: Data] {
    let folder = root.appendingPathComponent(output)
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder.path)!
    where path != OutputWriter.marker {
      let url = folder.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  /// The diagnostics of a build expected to fail, as printed lines.
  func failure(overlay: String? = nil) -> [String] {
    do {
      _ = try build(overlay: overlay)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  /// Every search record written in `folder` of the output (one file per document), one per line.
  func searchRecords(_ folder: String = "search") throws -> String {
    let url = root.appendingPathComponent("Output/\(folder)")
    let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasPrefix("docs-") }
    return try names.sorted().map { try output("\(folder)/\($0)") }.joined(separator: "\n")
  }

  func output(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent("Output/\(path)"), encoding: .utf8)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// A guide file with the given front-matter lines and body.
  static func guide(_ title: String, roles: String = "[line-staff]", extra: String = "", body: String = "Some text.")
    -> String
  {
    "---\ntitle: \(title)\nsummary: About \(title).\nroles: \(roles)\n\(extra)---\n\(body)\n"
  }
}
