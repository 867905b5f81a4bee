import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// A build's new output folder while it is filled: pages and search files go in as soon as they are made
/// (`accept`), so their bytes need not stay in memory until the end, and `write` puts in the copies before
/// `OutputWriter.finish` swaps it in.
final class OutputStaging: FileSink, @unchecked Sendable {
  let url: URL
  private let lock = NSLock()
  private var folders: Set<String> = [""]
  /// The state of every file written so far, and the first failure.
  private var states: [String: FileState] = [:]
  private var failure: WriteError?

  init(url: URL) {
    self.url = url
  }

  /// A file that could not be written, said for the build's error.
  struct WriteError: Error, Sendable {
    var message: String
  }

  /// Writes `file` into the folder now; a failure is kept for `write` to report.
  func accept(_ file: RenderedFile) {
    let result = written(file)
    lock.withLock {
      switch result {
      case .success(let state): states[file.path] = state
      case .failure(let error): failure = failure ?? error
      }
    }
  }

  /// Writes `files` (the copies) and returns the state of every file in the folder, or throws the first failure.
  func write(_ files: [RenderedFile]) throws(WriteError) -> [String: FileState] {
    let results = Self.runs(of: files).parallelMap { run in run.map(written) }.flatMap { $0 }
    for (file, result) in zip(files, results) {
      switch result {
      case .success(let state): states[file.path] = state
      case .failure(let error): failure = failure ?? error
      }
    }
    if let failure { throw failure }
    return states
  }

  private func written(_ file: RenderedFile) -> Result<FileState, WriteError> {
    let target: URL
    do {
      target = try place(file)
    } catch {
      return .failure(WriteError(message: "cannot write '\(file.path)': \(error.localizedDescription)"))
    }
    guard let state = FileState(path: target.path) else {
      return .failure(WriteError(message: "'\(file.path)' is not a regular file once written"))
    }
    return .success(state)
  }

  /// Removes the folder and everything in it, for a build that fails.
  func discard() {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `file` into the folder and returns where it is.
  private func place(_ file: RenderedFile) throws -> URL {
    // Without isDirectory, Foundation asks the file system whether the path is a folder: a stat for every file.
    let target = url.appendingPathComponent(file.path, isDirectory: false)
    switch file.contents {
    case .bytes(let data):
      try makeFolder(of: file.path)
      try Self.writeWithoutSync(data, to: target)
    case .copy(let source):
      try makeFolder(of: file.path)
      try FileManager.default.copyItem(at: source, to: target)
    }
    return target
  }

  private func makeFolder(of path: String) throws {
    let folder = RelativeLink.directory(of: path)
    if lock.withLock({ folders.contains(folder) }) { return }
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent(folder, isDirectory: true), withIntermediateDirectories: true)
    lock.withLock { _ = folders.insert(folder) }
  }

  /// `files` cut into one run of neighbours per core. Two threads creating files in one folder wait on each
  /// other for the folder's lock; runs of neighbouring paths mostly write different folders.
  private static func runs(of files: [RenderedFile]) -> [[RenderedFile]] {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let length = max(1, (files.count + cores - 1) / cores)
    return stride(from: 0, to: files.count, by: length).map { Array(files[$0..<min($0 + length, files.count)]) }
  }

  /// Writes a new file with plain POSIX calls. `Data.write` syncs every file to disk, which made writing the
  /// slowest stage; the staging folder and the swap are what keep the output whole, not per-file syncs.
  private static func writeWithoutSync(_ data: Data, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        offset += written
      }
    }
  }
}
