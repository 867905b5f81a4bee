import Foundation

/// A sink that keeps every file in memory, for builds that write nothing to disk.
final class FileCollector: FileSink, @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [RenderedFile] = []

  func accept(_ file: RenderedFile) {
    lock.withLock { collected.append(file) }
  }

  /// Every file handed over so far, in no particular order.
  var files: [RenderedFile] { lock.withLock { collected } }
}
