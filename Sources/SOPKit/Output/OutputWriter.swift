import CAtomicSwap
import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// The Write stage: writes every file into a staging folder beside the output folder, then swaps it in.
///
/// The last good output survives any failure: until the swap, nothing in it is touched, and the swap is
/// one `rename`. A marker file tells sopkit's own output folders from folders it must never replace.
struct OutputWriter: Sendable {
  /// The file that marks a folder as one sopkit wrote and may replace.
  static let marker = ".sopkit-output"

  let project: Project

  private var output: URL { project.output.url }
  private var location: SourceLocation {
    SourceLocation(path: project.output.display.isEmpty ? "." : project.output.display)
  }

  /// Refuses output folders whose replacement would lose the user's files.
  func checkOutputPath() throws(BuildFailure) {
    let target = Self.canonical(output)
    let protected =
      [
        ("the project's content folder", project.content.url), ("the templates folder", project.templates.url),
        ("the public folder", project.publicAssets.url),
      ] + (project.overlay.map { [("the overlay folder", $0.url)] } ?? [])
    func refuse(_ reason: String) -> BuildFailure {
      BuildFailure(
        .error(
          "refusing to write the site to '\(target)': \(reason); choose an empty folder or one sopkit made",
          at: location))
    }
    if target == "/" { throw refuse("it is the root of the file system") }
    if target == Self.canonical(FileManager.default.homeDirectoryForCurrentUser) {
      throw refuse("it is your home folder")
    }
    for (name, folder) in protected {
      let path = Self.canonical(folder)
      if path == target || path.hasPrefix(target + "/") { throw refuse("it holds \(name)") }
      if target.hasPrefix(path + "/") { throw refuse("it is inside \(name)") }
    }
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else { throw refuse("it is a file, not a folder") }
    let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
    if !entries.isEmpty && !entries.contains(Self.marker) {
      throw refuse("the folder already holds files that sopkit did not write")
    }
  }

  /// Writes `files` into a fresh staging folder, stamps it with `summary` and the state of every file written,
  /// and swaps it in place of the output folder.
  func write(_ files: [RenderedFile], summary: OutputMarker.Header) throws(BuildFailure) {
    let manager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let prefix = ".\(output.lastPathComponent).staging-"
    removeLeftovers(in: parent, prefix: prefix)
    let staging = parent.appendingPathComponent(prefix + UUID().uuidString)
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      let folders = Set(files.map { RelativeLink.directory(of: $0.path) }).filter { !$0.isEmpty }.sorted()
      for folder in folders {
        try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
      }
      let results = Self.runs(of: files).parallelMap { run in
        run.map { file -> Result<FileState, WriteError> in
          let url = staging.appendingPathComponent(file.path)
          do {
            try Self.write(file, to: url)
          } catch {
            return .failure(WriteError(message: "cannot write '\(file.path)': \(error.localizedDescription)"))
          }
          guard let state = FileState(path: url.path) else {
            return .failure(WriteError(message: "'\(file.path)' is not a regular file once written"))
          }
          return .success(state)
        }
      }.flatMap { $0 }
      var states: [String: FileState] = [:]
      for (file, result) in zip(files, results) { states[file.path] = try result.get() }
      try OutputMarker(header: summary, files: states).encoded().write(to: staging.appendingPathComponent(Self.marker))
      try swap(staging, into: output)
    } catch {
      try? manager.removeItem(at: staging)
      let message = (error as? WriteError)?.message ?? error.localizedDescription
      throw BuildFailure(
        .error("the site could not be written, and the previous output is unchanged: \(message)", at: location))
    }
  }

  /// `files` cut into one run of neighbours per core. Two threads creating files in one folder wait on each
  /// other for the folder's lock; runs of neighbouring paths mostly write different folders.
  private static func runs(of files: [RenderedFile]) -> [[RenderedFile]] {
    let length = max(
      1, (files.count + ProcessInfo.processInfo.activeProcessorCount - 1) / ProcessInfo.processInfo.activeProcessorCount
    )
    return stride(from: 0, to: files.count, by: length).map { Array(files[$0..<min($0 + length, files.count)]) }
  }

  private struct WriteError: Error {
    var message: String
  }

  private static func write(_ file: RenderedFile, to url: URL) throws {
    switch file.contents {
    case .bytes(let data): try writeWithoutSync(data, to: url)
    case .copy(let source): try FileManager.default.copyItem(at: source, to: url)
    }
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

  /// Puts `staging` where `output` is in one step; the old output is removed only afterwards.
  private func swap(_ staging: URL, into output: URL) throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: output.path) else {
      try manager.moveItem(at: staging, to: output)
      return
    }
    if sopkit_exchange_paths(staging.path, output.path) == 0 {
      try? manager.removeItem(at: staging)
      return
    }
    // Without an atomic exchange, two renames: the old output is kept aside until the new one is in place.
    let aside = staging.appendingPathExtension("old")
    try manager.moveItem(at: output, to: aside)
    do {
      try manager.moveItem(at: staging, to: output)
    } catch {
      try? manager.moveItem(at: aside, to: output)
      throw error
    }
    try? manager.removeItem(at: aside)
  }

  /// Staging folders left by a build that was killed before it could clean up.
  private func removeLeftovers(in parent: URL, prefix: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    for name in names where name.hasPrefix(prefix) {
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// An absolute path with symbolic links resolved and no trailing `/`.
  private static func canonical(_ url: URL) -> String {
    let path = url.standardizedFileURL.resolvingSymlinksInPath().path
    return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }
}
