import Foundation

/// Lists the files copied as they are: every file under Public/, and the files under Content/ that pages use.
///
/// A copy may not take the path of a page the build writes, nor of another copy.
struct AssetCopier: Sendable {
  let project: Project

  func files(for site: Site, rendered: [RenderedFile]) throws(BuildFailure) -> ([RenderedFile], [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    var owners: [String: String] = [:]
    for file in rendered { owners[file.path] = "a page the toolkit writes" }
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
    for path in Self.regularFiles(
      under: project.publicAssets.url, display: project.publicAssets.display, diagnostics: &diagnostics)
    { add(path, from: project.publicAssets) }
    for path in site.files {
      add(path, from: site.localFiles.contains(path) ? project.overlay ?? project.content : project.content)
    }
    return (copies, try diagnostics.finish())
  }

  /// Site-relative paths of the regular files below `folder` (and of its symbolic links, with `includingLinks`),
  /// sorted, hidden files and folders left out; `folder` may itself be a link. A folder that cannot be opened is
  /// a diagnostic (`FolderWalk`).
  static func regularFiles(
    under folder: URL, display: String, includingLinks: Bool = false, diagnostics: inout DiagnosticCollector
  ) -> [String] {
    let root = folder.path
    var paths: [String] = []
    for relative in FolderWalk(root: root, displayRoot: display).paths(diagnostics: &diagnostics) {
      // One lstat, not Foundation's attribute dictionary, which cost more than the rest of the walk.
      var status = stat()
      let type = lstat(root + "/" + relative, &status) == 0 ? status.st_mode & S_IFMT : 0
      if type == S_IFREG || (includingLinks && type == S_IFLNK) { paths.append(relative) }
    }
    return paths.sorted()
  }

  /// The same, for a fingerprint: a folder that cannot be opened fails the build that follows, and says so there.
  static func regularFiles(under folder: URL, includingLinks: Bool = false) -> [String] {
    var unreported = DiagnosticCollector()
    return regularFiles(under: folder, display: "", includingLinks: includingLinks, diagnostics: &unreported)
  }
}
