import Foundation

/// What a build to disk leaves in sopkit's cache folder, never in the output it publishes: the fingerprint of what
/// it was built from, its report, and every output file's size and modification time, so the next build into the
/// same folder can tell that nothing changed.
///
/// The record is a JSON line (fingerprint, counts, warnings) followed by one `size<TAB>mtime<TAB>path` line per
/// file; anything missing or unreadable in it only means the next build does all of its work.
struct BuildRecord: Sendable {
  /// Raised whenever the record or what the build writes changes meaning, so old records are never trusted.
  static let formatVersion = 2

  /// The summary line.
  struct Header: Codable, Sendable {
    var format = BuildRecord.formatVersion
    var inputs: String
    var pageCount: Int
    var fileCount: Int
    var guideCount: Int
    var storyCount: Int
    var warnings: [Diagnostic]
  }

  var header: Header
  var files: [String: FileState]

  /// Where the record of the build into `output` is kept: `$XDG_CACHE_HOME/sopkit/builds/` (or `~/.cache/…`), one
  /// file per output folder, named by a hash of its real path.
  static func location(for output: URL) -> URL? {
    let environment = ProcessInfo.processInfo.environment
    let cache: URL
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      cache = URL(fileURLWithPath: xdg, isDirectory: true)
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      cache = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
    } else {
      return nil
    }
    var hash = ContentHash()
    hash.combine(output.standardizedFileURL.resolvingSymlinksInPath().path)
    return cache.appendingPathComponent("sopkit/builds/\(hash.hex).record", isDirectory: false)
  }

  /// Writes the record to `url`, replacing the last one in one rename; a record that cannot be written only
  /// means the next build does all of its work.
  func save(to url: URL) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)", isDirectory: false)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try encoded().write(to: temporary)
      if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var text = String(decoding: (try? encoder.encode(header)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    for (path, state) in files.sorted(by: { $0.key < $1.key }) { text += "\(state.size)\t\(state.modified)\t\(path)\n" }
    return Data(text.utf8)
  }

  /// The record at `url`, or nil when there is none this version of sopkit can trust.
  static func read(from url: URL) -> BuildRecord? {
    guard let data = FileManager.default.contents(atPath: url.path),
      let newline = data.firstIndex(of: UInt8(ascii: "\n")),
      let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]), header.format == formatVersion
    else { return nil }
    var files: [String: FileState] = [:]
    for line in data[(newline + 1)...].split(separator: UInt8(ascii: "\n")) {
      let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2)
      guard fields.count == 3, let size = Int(String(decoding: fields[0], as: UTF8.self)),
        let modified = Int(String(decoding: fields[1], as: UTF8.self))
      else { return nil }
      files[String(decoding: fields[2], as: UTF8.self)] = FileState(size: size, modified: modified)
    }
    return BuildRecord(header: header, files: files)
  }

  /// Whether `output` holds exactly the files the record lists (and the marker), each as it was written.
  func matchesFiles(in output: URL) -> Bool {
    var children: [String: Set<String>] = ["": [OutputWriter.marker]]
    for path in files.keys {
      var child = path
      var folder = RelativeLink.directory(of: path)
      while true {
        let name = String(child.dropFirst(folder.isEmpty ? 0 : folder.count + 1))
        let (inserted, _) = children[folder, default: []].insert(name)
        if !inserted || folder.isEmpty { break }
        child = folder
        folder = RelativeLink.directory(of: folder)
      }
    }
    let manager = FileManager.default
    for (folder, names) in children {
      let url = folder.isEmpty ? output : output.appendingPathComponent(folder, isDirectory: true)
      guard let entries = try? manager.contentsOfDirectory(atPath: url.path), Set(entries) == names else {
        return false
      }
    }
    let paths = Array(files.keys)
    return !paths.parallelMap {
      FileState(path: output.appendingPathComponent($0, isDirectory: false).path) == files[$0]
    }.contains(false)
  }
}
