#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file as `stat` sees it: size and modification time; a file edited, replaced or touched no longer matches.
struct FileState: Equatable, Sendable {
  var size: Int
  var modified: Int

  init(size: Int, modified: Int) {
    self.size = size
    self.modified = modified
  }

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    size = Int(info.st_size)
    modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
  }
}
