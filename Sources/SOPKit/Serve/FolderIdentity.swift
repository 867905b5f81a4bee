import Foundation

/// Which folder a path names at the moment (device and inode, links followed): it changes when the folder is
/// renamed and made again, or a link to it is pointed elsewhere.
struct FolderIdentity: Equatable {
  private let device: UInt64?
  private let inode: UInt64?

  init(_ url: URL) {
    var status = stat()
    let found = stat(url.path, &status) == 0
    device = found ? UInt64(status.st_dev) : nil
    inode = found ? UInt64(status.st_ino) : nil
  }
}
