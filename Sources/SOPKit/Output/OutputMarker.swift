import Foundation

/// What a build leaves in the marker file of its output folder: the fingerprint of what it was built from, its
/// report, and every file's size and modification time, so the next build can tell that nothing changed.
///
/// The marker is a JSON line (fingerprint, counts, warnings) followed by one `size<TAB>mtime<TAB>path` line per
/// file; anything unreadable in it only means the next build does all of its work.
struct OutputMarker: Sendable {
  /// Raised whenever the stamp or what the build writes changes meaning, so old stamps are never trusted.
  static let formatVersion = 1

  /// The summary line.
  struct Header: Codable, Sendable {
    var note = "This folder was written by sopkit build; the next build replaces it."
    var format = OutputMarker.formatVersion
    var inputs: String
    var pageCount: Int
    var fileCount: Int
    var guideCount: Int
    var storyCount: Int
    var warnings: [Diagnostic]
  }

  var header: Header
  var files: [String: FileState]

  func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var text = String(decoding: (try? encoder.encode(header)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    for (path, state) in files.sorted(by: { $0.key < $1.key }) { text += "\(state.size)\t\(state.modified)\t\(path)\n" }
    return Data(text.utf8)
  }

  /// The stamp in `output`'s marker file, or nil when there is none this version of sopkit can trust.
  static func read(from output: URL) -> OutputMarker? {
    guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(OutputWriter.marker).path),
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
    return OutputMarker(header: header, files: files)
  }

  /// Whether `output` holds exactly the files the stamp lists, each as it was written.
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
