import Foundation
import ZIPFoundation

/// A story or tool someone sent from the share page: one zip holding `story.md`, the attached files under
/// `files/`, and `manifest.json` with each file's size and SHA-256.
///
/// Reading it is the attack surface of `sopkit import`, so it trusts nothing: every entry's name, kind, declared
/// and actual size, compression ratio, CRC-32 and digest are checked, and the files are held in memory until the
/// whole package has passed.
public struct SharePackage: Sendable {
  /// The limits a package must stay within, from `site.yaml`'s share settings.
  public struct Limits: Sendable {
    public var maxFiles: Int
    public var maxFileBytes: Int
    public var fileTypes: Set<String>
    /// The most `story.md` may weigh.
    public var maxStoryBytes = 1_048_576
    /// Uncompressed size over compressed size beyond which an entry is taken for a zip bomb; text compresses to a
    /// third or a quarter, and the share page stores files uncompressed.
    public var maxCompressionRatio: UInt64 = 100

    public init(_ share: ShareSettings) {
      maxFiles = share.maxFiles
      maxFileBytes = share.maxFileBytes
      fileTypes = Set(share.fileTypes)
    }

    var maxTotalBytes: UInt64 { UInt64(maxStoryBytes + maxFiles * maxFileBytes + 1_048_576) }
  }

  /// The manifest's record of one file.
  struct ManifestFile: Decodable {
    var name: String
    var size: Int
    var sha256: String
  }

  /// `manifest.json`: what the share page says it put in the package.
  struct Manifest: Decodable {
    var files: [ManifestFile]
  }

  static let storyName = "story.md"
  static let manifestName = "manifest.json"
  static let filesFolder = "files/"

  /// The text of `story.md`, not yet checked as a story.
  public let story: Data
  /// The attached files by their name within `files/`, in the order of the archive.
  public let attachments: [(name: String, data: Data)]

  /// Reads and checks the package at `url`; `display` names it in messages.
  public init(contentsOf url: URL, display: String, limits: Limits) throws(ImportRefusal) {
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw ImportRefusal("cannot read the package: it is not a zip file, or it is damaged", at: display)
    }
    let entries = Array(archive)
    let maxEntries = limits.maxFiles + 2
    guard entries.count <= maxEntries else {
      throw ImportRefusal(
        "the package holds \(entries.count) entries, more than the \(maxEntries) allowed (a story, a manifest and \(limits.maxFiles) files)",
        at: display)
    }
    let declaredTotal = entries.reduce(UInt64(0)) { $0 &+ $1.uncompressedSize }
    guard declaredTotal <= limits.maxTotalBytes else {
      throw ImportRefusal(
        "the package unpacks to \(declaredTotal) bytes, more than the \(limits.maxTotalBytes) allowed", at: display)
    }
    var contents: [String: Data] = [:]
    var order: [String] = []
    for entry in entries {
      let name = entry.path
      let place = "\(display)/\(name)"
      try Self.checkName(name, type: entry.type, at: place, limits: limits)
      guard contents[name] == nil else { throw ImportRefusal("the package holds '\(name)' twice", at: place) }
      let limit = name == Self.storyName ? UInt64(limits.maxStoryBytes) : UInt64(limits.maxFileBytes)
      guard entry.uncompressedSize <= limit else {
        throw ImportRefusal("'\(name)' is \(entry.uncompressedSize) bytes, more than the \(limit) allowed", at: place)
      }
      if entry.uncompressedSize > 4096,
        entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxCompressionRatio
      {
        throw ImportRefusal(
          "'\(name)' is compressed more than \(limits.maxCompressionRatio) to 1, as a zip bomb is; refusing to unpack it",
          at: place)
      }
      contents[name] = try Self.extract(entry, from: archive, limit: min(limit, entry.uncompressedSize), at: place)
      order.append(name)
    }
    guard let manifestData = contents[Self.manifestName] else {
      throw ImportRefusal("the package has no manifest.json; make it again with the share page", at: display)
    }
    guard let story = contents[Self.storyName] else {
      throw ImportRefusal("the package has no story.md; make it again with the share page", at: display)
    }
    try Self.checkManifest(manifestData, against: contents, display: display)
    self.story = story
    attachments = order.filter { $0.hasPrefix(Self.filesFolder) }.map {
      (String($0.dropFirst(Self.filesFolder.count)), contents[$0]!)
    }
  }

  /// Refuses anything but `story.md`, `manifest.json` and plain files of an allowed type directly under `files/`.
  private static func checkName(_ name: String, type: Entry.EntryType, at place: String, limits: Limits)
    throws(ImportRefusal)
  {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    if name.hasPrefix("/") || name.contains("\\") || name.range(of: "^[A-Za-z]:", options: .regularExpression) != nil {
      throw ImportRefusal("the entry '\(name)' has an absolute path; a package holds only relative names", at: place)
    }
    if parts.contains("..") {
      throw ImportRefusal("the entry '\(name)' climbs out of its folder with '..'; refusing the package", at: place)
    }
    guard type == .file else {
      throw ImportRefusal(
        "the entry '\(name)' is a \(type == .symlink ? "symbolic link" : "folder"); a package holds only plain files",
        at: place)
    }
    if name == storyName || name == manifestName { return }
    guard parts.count == 2, parts[0] == "files", isSafeFileName(String(parts[1])) else {
      throw ImportRefusal(
        "unexpected entry '\(name)': a package holds story.md, manifest.json and files/NAME, where NAME uses only letters, digits, '.', '-' and '_'",
        at: place)
    }
    let type = (String(parts[1]) as NSString).pathExtension.lowercased()
    guard limits.fileTypes.contains(type) else {
      throw ImportRefusal(
        "'\(name)' is not a kind of file the site takes; allowed: \(limits.fileTypes.sorted().joined(separator: ", "))",
        at: place)
    }
  }

  static func isSafeFileName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 100 && !name.hasPrefix(".") && !name.hasPrefix("-")
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
  }

  /// The entry's bytes, stopping as soon as more arrive than it declared, and checked against its CRC-32.
  private static func extract(_ entry: Entry, from archive: Archive, limit: UInt64, at place: String)
    throws(ImportRefusal) -> Data
  {
    /// Thrown from inside the reader when an entry grows past its declared size.
    struct TooLarge: Error {}
    var data = Data()
    let checksum: CRC32
    do {
      checksum = try archive.extract(entry, bufferSize: 16_384) { chunk in
        guard UInt64(data.count + chunk.count) <= limit else { throw TooLarge() }
        data.append(chunk)
      }
    } catch is TooLarge {
      throw ImportRefusal(
        "'\(entry.path)' unpacks to more than the \(entry.uncompressedSize) bytes it declares, as a zip bomb does; refusing the package",
        at: place)
    } catch {
      throw ImportRefusal("cannot unpack '\(entry.path)': the package is damaged", at: place)
    }
    guard checksum == entry.checksum, UInt64(data.count) == entry.uncompressedSize else {
      throw ImportRefusal("'\(entry.path)' is damaged: its checksum or size does not match", at: place)
    }
    return data
  }

  /// Every file but the manifest must be listed in it with its size and SHA-256, and every listed file present.
  private static func checkManifest(_ data: Data, against contents: [String: Data], display: String)
    throws(ImportRefusal)
  {
    let place = "\(display)/\(manifestName)"
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: data)
    } catch {
      throw ImportRefusal(
        "manifest.json is not a manifest the share page writes (a 'files' list of name, size and sha256)", at: place)
    }
    var problems: [Diagnostic] = []
    var listed = Set<String>()
    for file in manifest.files {
      listed.insert(file.name)
      guard let bytes = contents[file.name], file.name != manifestName else {
        problems.append(
          .error("manifest.json lists '\(file.name)', which is not in the package", at: SourceLocation(path: place)))
        continue
      }
      if bytes.count != file.size || SHA256.hex(of: bytes) != file.sha256.lowercased() {
        problems.append(
          .error(
            "'\(file.name)' does not match manifest.json (size or SHA-256 differs): the file was changed or damaged after the package was made",
            at: SourceLocation(path: "\(display)/\(file.name)")))
      }
    }
    for name in contents.keys.sorted() where name != manifestName && !listed.contains(name) {
      problems.append(
        .error("'\(name)' is not listed in manifest.json", at: SourceLocation(path: "\(display)/\(name)")))
    }
    if !problems.isEmpty { throw ImportRefusal(problems) }
  }
}
