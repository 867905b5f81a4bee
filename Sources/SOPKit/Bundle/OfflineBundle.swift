import Foundation
import ZIPFoundation

/// Zips a built site into one folder named after the site and its date, for a shared drive or a USB stick.
///
/// The same input always gives the same bytes: entries in sorted order, one fixed timestamp (the stamp's date),
/// fixed permissions, and no extra fields that would record this machine.
public struct OfflineBundle: Sendable {
  /// Why a bundle could not be written (a full disk, a folder that cannot be made).
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  let files: [RenderedFile]
  /// The top-level folder every entry is in (`safety-organized-practice-toolkit-2024-03-01`).
  public let folderName: String
  let date: Date

  /// `built` should come from a build with `BuildOptions.stampsBuild`, whose stamp names and dates the folder.
  public init(_ built: BuiltSite) {
    files = built.files
    let site = built.site
    let name = Slug.make(from: [site.settings.title, site.settings.local?.county ?? ""].joined(separator: " "))
      .folding(options: .diacriticInsensitive, locale: nil)
    let suffix = site.stamp.map { $0.date?.description ?? $0.fingerprint }
    folderName = [Slug.isValid(name) ? name : "site", suffix].compactMap { $0 }.joined(separator: "-")
    // ZIP's DOS timestamps start in 1980; noon UTC keeps the same calendar day in every time zone.
    let day = site.stamp?.date.map { max($0, SimpleDate("1980-01-02")!) } ?? SimpleDate("1980-01-02")!
    var parts = DateComponents()
    (parts.year, parts.month, parts.day, parts.hour) = (day.year, day.month, day.day, 12)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    date = calendar.date(from: parts)!
  }

  /// Refuses a zip inside a folder the build reads: it would be read, and fingerprinted, by the next bundle.
  public static func checkDestination(_ destination: URL, project: Project) throws(WriteError) {
    func canonical(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }
    let target = canonical(destination.deletingLastPathComponent()) + "/" + destination.lastPathComponent
    let folders = [project.content, project.templates, project.publicAssets] + (project.overlay.map { [$0] } ?? [])
    for folder in folders where target.hasPrefix(canonical(folder.url) + "/") {
      throw WriteError(
        description:
          "refusing to write the bundle to '\(destination.path)': it is inside '\(folder.display)', which the build reads; choose another place"
      )
    }
  }

  /// Writes the zip beside `destination` and renames it into place, so a failure never leaves half a zip.
  public func write(to destination: URL) throws(WriteError) {
    let manager = FileManager.default
    let folder = destination.deletingLastPathComponent()
    let partial = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      try writeArchive(at: partial)
      // Reads the closed file's central directory back: a flush that failed at close (a full disk) shows here.
      _ = try Archive(url: partial, accessMode: .read)
      guard rename(partial.path, destination.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno)!) }
    } catch {
      try? manager.removeItem(at: partial)
      throw WriteError(description: "cannot write '\(destination.path)': \(error.localizedDescription)")
    }
  }

  /// Writes every entry; the archive is closed (its file flushed) when this returns, before the rename.
  private func writeArchive(at url: URL) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for entry in entries() {
      switch entry.contents {
      case nil:
        try archive.addEntry(
          with: entry.path, type: .directory, uncompressedSize: Int64(0), modificationDate: date, permissions: 0o755,
          provider: { _, _ in Data() })
      case let contents?:
        let data: Data
        switch contents {
        case .bytes(let bytes): data = bytes
        case .copy(let source): data = try Data(contentsOf: source)
        }
        try archive.addEntry(
          with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
          permissions: 0o644, compressionMethod: .deflate,
          provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
      }
    }
  }

  /// Every folder and file under the top-level folder, sorted, folders ending in `/`.
  private func entries() -> [(path: String, contents: RenderedFile.Contents?)] {
    var folders: Set<String> = [folderName + "/"]
    var entries: [(path: String, contents: RenderedFile.Contents?)] = []
    for file in files {
      var parent = (file.path as NSString).deletingLastPathComponent
      while !parent.isEmpty {
        folders.insert("\(folderName)/\(parent)/")
        parent = (parent as NSString).deletingLastPathComponent
      }
      entries.append(("\(folderName)/\(file.path)", file.contents))
    }
    entries += folders.map { ($0, nil) }
    return entries.sorted { $0.path < $1.path }
  }
}
