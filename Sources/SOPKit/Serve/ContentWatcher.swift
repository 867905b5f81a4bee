import Foundation
import ServiceLifecycle

/// Watches the project's folders for files added, removed or changed and calls `onChange` once per settled
/// burst; stops on graceful shutdown.
///
/// On Linux the kernel reports changes (inotify); elsewhere, or past the system's watch limit, the folders are
/// polled every `interval` for changed modification times and sizes. A folder may be a symbolic link, and may be
/// replaced while watched.
struct ContentWatcher: Service {
  /// What a file looked like at the last poll.
  struct Stamp: Equatable {
    var modified: Date?
    var size: Int?
  }

  let folders: [URL]
  let interval: Duration
  /// Told the paths of the files that changed, or nil when that is not known.
  let onChange: @Sendable (Set<String>?) async -> Void

  func run() async {
    #if canImport(Glibc)
      // A folder replaced by another (renamed and made again, or a link pointed elsewhere, as deploy scripts and
      // `git worktree` do) keeps no watch: the folders are watched again from the start, and everything may have
      // changed.
      while !Task.isCancelled && !Task.isShuttingDownGracefully {
        let identities = folders.map(FolderIdentity.init)
        guard let events = DirectoryEvents(folders: folders.map(\.path)) else { break }
        await run(events, whileFoldersAre: identities)
        if Task.isCancelled || Task.isShuttingDownGracefully { return }
        await onChange(nil)
      }
    #endif
    await poll()
  }

  #if canImport(Glibc)
    /// Reports the changes `events` sees until one of the folders is no longer the one `identities` names.
    private func run(_ events: DirectoryEvents, whileFoldersAre identities: [FolderIdentity]) async {
      var ticks = 0
      while !Task.isCancelled && !Task.isShuttingDownGracefully {
        try? await Task.sleep(for: .milliseconds(10))
        ticks += 1
        if ticks % 25 == 0 && folders.map(FolderIdentity.init) != identities { return }
        var changed = events.changes()
        guard changed != [] else { continue }
        // An editor may save in several steps: wait until the folders have been quiet for a moment.
        for _ in 0..<10 {
          try? await Task.sleep(for: .milliseconds(15))
          let more = events.changes()
          if more == [] { break }
          changed = more.flatMap { more in changed?.union(more) }
        }
        await onChange(changed)
      }
    }
  #endif

  private func poll() async {
    var last = scan()
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      try? await Task.sleep(for: interval)
      var now = scan()
      guard now != last else { continue }
      // An editor may save in several steps: wait until two scans a moment apart agree.
      for _ in 0..<5 {
        try? await Task.sleep(for: .milliseconds(20))
        let again = scan()
        if again == now { break }
        now = again
      }
      let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
      last = now
      await onChange(changed)
    }
  }

  /// Every regular file under the folders, hidden ones left out, with its stamp.
  func scan() -> [String: Stamp] {
    var stamps: [String: Stamp] = [:]
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
    for folder in folders {
      // The folder may be a link: its files are walked where it points and named below the link, as builds name them.
      let resolved = folder.resolvingSymlinksInPath()
      guard
        let enumerator = FileManager.default.enumerator(
          at: resolved, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
      else { continue }
      for case let url as URL in enumerator {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
          url.path.hasPrefix(resolved.path)
        else { continue }
        stamps[folder.path + url.path.dropFirst(resolved.path.count)] = Stamp(
          modified: values.contentModificationDate, size: values.fileSize)
      }
    }
    return stamps
  }
}
