import Foundation

/// The names below a folder of the project, found with the system's own directory calls, so that a folder
/// that cannot be opened is said rather than silently left out.
///
/// The folder itself may be a symbolic link (`ln -s Content-A Content`) and is followed; links below it are
/// listed, never followed. Hidden names (a leading `.`) are left out with everything below them.
struct FolderWalk {
  let root: String
  /// How diagnostics name the folder (as the user gave it); empty for the working directory.
  let displayRoot: String

  /// Every file, folder and link below `root`, as paths relative to it, parents before their children; a
  /// missing root has none. A folder that cannot be opened is a diagnostic: a failure of the computer (out of
  /// open files) as such, any other at the folder.
  func paths(diagnostics: inout DiagnosticCollector) -> [String] {
    var paths: [String] = []
    var folders = [""]
    while let relative = folders.popLast() {
      let path = relative.isEmpty ? root : root + "/" + relative
      guard let directory = opendir(path) else {
        let code = errno
        if relative.isEmpty && (code == ENOENT || code == ENOTDIR) { return [] }
        let display = [displayRoot, relative].filter { !$0.isEmpty }.joined(separator: "/")
        if let failure = SystemFailure.diagnostic(code: code, path: display) {
          diagnostics.append(contentsOf: [failure])
        } else {
          diagnostics.error(
            "cannot open this folder: \(String(cString: strerror(code)))",
            at: SourceLocation(path: display.isEmpty ? "." : display))
        }
        continue
      }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
          String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        guard !name.hasPrefix(".") else { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        paths.append(child)
        var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
          var status = stat()
          isDirectory = lstat(root + "/" + child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
        if isDirectory { folders.append(child) }
      }
    }
    return paths
  }
}
