#if canImport(Glibc)
  import Glibc

  /// Changes under a set of folders, as Linux reports them (inotify): no polling, so a save is seen at once
  /// and an idle preview costs nothing. Every folder below is watched, including ones created later.
  final class DirectoryEvents {
    private static let mask = UInt32(
      IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
        | IN_MOVE_SELF)

    private let descriptor: Int32
    /// The folder each watch stands for, to find the path of a new subfolder.
    private var folders: [Int32: String] = [:]

    /// Nil when inotify is not available or the folders cannot all be watched (the system's watch limit).
    init?(folders roots: [String]) {
      descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else { return nil }
      for root in roots where !watch(root) {
        close(descriptor)
        return nil
      }
    }

    deinit { close(descriptor) }

    /// Reads what happened since the last call without waiting: the paths of the files and folders that
    /// changed (hidden ones left out), or nil when the kernel's queue overflowed and anything may have.
    func changes() -> Set<String>? {
      var paths = Set<String>()
      var overflowed = false
      let capacity = 64 * 1024
      let buffer = UnsafeMutableRawPointer.allocate(
        byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
      defer { buffer.deallocate() }
      while true {
        let count = read(descriptor, buffer, capacity)
        guard count > 0 else { break }
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
          let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
          let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
          let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
          offset += MemoryLayout<inotify_event>.size + Int(event.len)
          if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
          guard !name.hasPrefix("."), let folder = folders[event.wd] else { continue }
          let path = name.isEmpty ? folder : folder + "/" + name
          paths.insert(path)
          if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = watch(path) }
          if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil }
        }
      }
      return overflowed ? nil : paths
    }

    /// Watches `path` and every folder below it, hidden ones left out.
    private func watch(_ path: String) -> Bool {
      let watchID = inotify_add_watch(descriptor, path, Self.mask)
      guard watchID >= 0 else { return errno == ENOENT }
      folders[watchID] = path
      guard let directory = opendir(path) else { return true }
      defer { closedir(directory) }
      var children: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
          String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        guard !name.hasPrefix(".") else { continue }
        var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
          var info = stat()
          isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        if isDirectory { children.append(path + "/" + name) }
      }
      return children.allSatisfy(watch)
    }
  }
#endif
