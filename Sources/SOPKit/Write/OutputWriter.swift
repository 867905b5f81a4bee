import CAtomicSwap
import Foundation

/// The Write stage: fills a staging folder beside the output folder (`OutputStaging`), then swaps it in.
///
/// The last good output survives any failure: until the swap, nothing in it is touched, and the swap is
/// one `rename`. A marker file tells sopkit's own output folders from folders it must never replace; it holds
/// the same words in every build, so two builds of the same input are the same bytes. What the build needs to
/// know next time is kept in its `BuildRecord`, outside the output.
struct OutputWriter: Sendable {
  /// The file that marks a folder as one sopkit wrote and may replace.
  static let marker = ".sopkit-output"
  static let markerText = "This folder was written by sopkit build; the next build replaces it.\n"

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

  /// A fresh staging folder beside the output folder, for this build's files; leftovers of killed builds go first.
  func stage() throws(BuildFailure) -> OutputStaging {
    let parent = output.deletingLastPathComponent()
    let prefix = ".\(output.lastPathComponent).staging-"
    removeLeftovers(in: parent, prefix: prefix)
    let staging = parent.appendingPathComponent(prefix + UUID().uuidString)
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw failure(error.localizedDescription)
    }
    return OutputStaging(url: staging)
  }

  /// Writes `copies` and the marker into `staging`, swaps it in place of the output folder, and records `summary`
  /// with the state of every file for the next build; on any failure the staging folder is removed.
  func finish(_ staging: OutputStaging, copies: [RenderedFile], summary: BuildRecord.Header) throws(BuildFailure) {
    let states: [String: FileState]
    do {
      states = try staging.write(copies)
      try Data(Self.markerText.utf8).write(to: staging.url.appendingPathComponent(Self.marker, isDirectory: false))
      try swap(staging.url, into: output)
    } catch {
      staging.discard()
      throw failure((error as? OutputStaging.WriteError)?.message ?? error.localizedDescription)
    }
    if let record = BuildRecord.location(for: output) { BuildRecord(header: summary, files: states).save(to: record) }
  }

  /// The record of the last build into the output folder, when there is one this sopkit can trust.
  func lastRecord() -> BuildRecord? {
    BuildRecord.location(for: output).flatMap(BuildRecord.read)
  }

  private func failure(_ message: String) -> BuildFailure {
    BuildFailure(
      .error("the site could not be written, and the previous output is unchanged: \(message)", at: location))
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
