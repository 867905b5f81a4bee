import Foundation

/// The folders a build reads and writes, and how each is named in messages.
public struct Project: Sendable {
  /// A folder's location and the name diagnostics use for it (as the user wrote it).
  public struct Folder: Sendable {
    public var url: URL
    public var display: String

    public init(_ path: String, relativeTo base: URL) {
      let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
      url = absolute.standardizedFileURL
      var display = path
      while display.count > 1 && display.hasSuffix("/") { display.removeLast() }
      self.display = display == "." ? "" : display
    }

    /// Paths of the regular files below the folder (and of its symbolic links, with `includingLinks`), sorted,
    /// hidden files and folders left out; the folder may itself be a link. A folder that cannot be opened is a
    /// diagnostic (`FolderWalk`).
    func regularFiles(includingLinks: Bool = false, diagnostics: inout DiagnosticCollector) -> [String] {
      let root = url.path
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
    func regularFiles(includingLinks: Bool = false) -> [String] {
      var unreported = DiagnosticCollector()
      return regularFiles(includingLinks: includingLinks, diagnostics: &unreported)
    }
  }

  public var content: Folder
  public var templates: Folder
  public var publicAssets: Folder
  public var output: Folder
  /// A county's folder laid out like Content/, whose files are added to the statewide ones or replace them.
  public var overlay: Folder?

  /// Paths are read relative to `base` (the working directory by default).
  public init(
    content: String = "Content", templates: String = "Templates", publicAssets: String = "Public",
    output: String = "Output", overlay: String? = nil,
    base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) {
    self.content = Folder(content, relativeTo: base)
    self.templates = Folder(templates, relativeTo: base)
    self.publicAssets = Folder(publicAssets, relativeTo: base)
    self.output = Folder(output, relativeTo: base)
    self.overlay = overlay.map { Folder($0, relativeTo: base) }
  }
}
