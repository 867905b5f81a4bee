import Foundation

/// One hash of everything a build reads: every file of the content, overlay, templates and public folders (path
/// and bytes), the build options that change the output, and the sopkit program itself.
///
/// Two builds with the same fingerprint write the same bytes, so a build whose fingerprint matches the one
/// in the record of its output folder has nothing to do. The files alone, without options or program, give the
/// fingerprint a stamped copy shows (`BuildStamp`).
struct InputFingerprint: Sendable {
  let project: Project
  let options: BuildOptions

  /// The fingerprint of the files (`filesHash()`), the options and the program.
  func compute(files: String) -> String {
    var hash = ContentHash()
    hash.combine(Self.programIdentity)
    hash.combine(options.includeDrafts ? 1 : 0)
    hash.combine(options.stampsBuild ? 1 : 0)
    hash.combine(options.sourceDateEpoch ?? -1)
    hash.combine(project.overlay?.url.path ?? "")
    hash.combine(project.overlay?.display ?? "")
    hash.combine(files)
    return hash.hex
  }

  /// The paths and bytes of every file the build reads, each folder named by its role, so moving the project
  /// keeps the value.
  func filesHash() -> String {
    var hash = ContentHash()
    let folders =
      [("content", project.content), ("templates", project.templates), ("public", project.publicAssets)]
      + (project.overlay.map { [("overlay", $0)] } ?? [])
    for (role, folder) in folders {
      let paths = folder.regularFiles(includingLinks: true)
      let fileHashes = paths.parallelMap { Self.hash(of: folder.url.appendingPathComponent($0, isDirectory: false)) }
      hash.combine(role)
      hash.combine(paths.count)
      for (path, fileHash) in zip(paths, fileHashes) {
        hash.combine(path)
        hash.combine(fileHash)
      }
    }
    return hash.hex
  }

  /// The bytes of one file, hashed; files that cannot be read hash as their error, so the build reports them.
  private static func hash(of url: URL) -> String {
    var hash = ContentHash()
    if let data = FileManager.default.contents(atPath: url.path) {
      data.withUnsafeBytes { hash.combine($0) }
    } else {
      hash.combine("unreadable")
    }
    return hash.hex
  }

  /// Size and modification time of the running program: a new sopkit may render the same input differently.
  private static let programIdentity: String = {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(modified)"
  }()
}
