import Foundation

/// Lists the files copied as they are: every file under Public/, and the files under Content/ that pages use.
///
/// A copy may not take the path of a page the build writes, nor of another copy.
struct AssetCopier: Sendable {
  let project: Project

  /// The copies, given the paths of the files the build makes itself.
  func files(for site: Site, made: [String]) throws(BuildFailure) -> Checked<[RenderedFile]> {
    var diagnostics = DiagnosticCollector()
    var owners: [String: String] = [:]
    for path in made { owners[path] = "a page the toolkit writes" }
    var copies: [RenderedFile] = []
    func add(_ path: String, from folder: Project.Folder) {
      let display = folder.display.isEmpty ? path : "\(folder.display)/\(path)"
      if let owner = owners[path] {
        diagnostics.error(
          "this file would be copied to '\(path)', which \(owner) already uses; rename it",
          at: SourceLocation(path: display))
        return
      }
      owners[path] = "'\(display)'"
      copies.append(
        RenderedFile(path: path, contents: .copy(folder.url.appendingPathComponent(path, isDirectory: false))))
    }
    for path in project.publicAssets.regularFiles(diagnostics: &diagnostics) { add(path, from: project.publicAssets) }
    for path in site.files {
      add(path, from: site.localFiles.contains(path) ? project.overlay ?? project.content : project.content)
    }
    return Checked(value: copies, diagnostics: try diagnostics.finish())
  }
}
