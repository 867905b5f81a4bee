import Foundation

/// The names below a folder of the project, found with the system's own directory calls, so that a folder
/// that cannot be opened is told rather than silently left out.
///
/// The folder itself may be a symbolic link (`ln -s Content-A Content`) and is followed; links below it are
/// listed, never followed. Hidden names (a leading `.`) are left out with everything below them.
struct FolderWalk {
  /// A folder that could not be opened: its path relative to the root (empty for the root) and the system's error.
  struct Failure: Sendable, Equatable {
    var relative: String
    var code: Int32
  }

  let root: String

  /// Every file, folder and link below `root`, as paths relative to it, parents before their children, and the
  /// folders that could not be opened; a missing root has neither.
  func paths() -> (paths: [String], failures: [Failure]) {
    var paths: [String] = []
    var failures: [Failure] = []
    var folders = [""]
    while let relative = folders.popLast() {
      guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else {
        let code = errno
        if relative.isEmpty && (code == ENOENT || code == ENOTDIR) { return ([], []) }
        failures.append(Failure(relative: relative, code: code))
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
    return (paths, failures)
  }
}
