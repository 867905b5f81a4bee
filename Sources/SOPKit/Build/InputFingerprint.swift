import Foundation

/// One hash of everything a build reads: every file of the content, templates and public folders (path and
/// bytes), the build options that change the output, and the sopkit program itself.
///
/// Two builds with the same fingerprint write the same bytes, so a build whose fingerprint matches the one
/// stamped in its output folder has nothing to do.
struct InputFingerprint: Sendable {
  let project: Project
  let options: BuildOptions

  func compute() -> String {
    var hash = ContentHash()
    hash.combine(BuildStamp.formatVersion)
    hash.combine(Self.programIdentity)
    hash.combine(options.includeDrafts ? 1 : 0)
    for folder in [project.content, project.templates, project.publicAssets] {
      let paths = AssetCopier.regularFiles(under: folder.url, includingLinks: true)
      let fileHashes = paths.parallelMap { Self.hash(of: folder.url.appendingPathComponent($0)) }
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
