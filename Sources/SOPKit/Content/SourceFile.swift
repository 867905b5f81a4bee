import Foundation

/// A text file of the project, read once: its project-relative path and its UTF-8 text.
public struct SourceFile: Sendable {
  /// The path shown in diagnostics, relative to the project root (`Content/guides/x.md`).
  public let path: String
  public let text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// Reads a file, refusing what is not UTF-8 text with a diagnostic at the first bad byte.
  /// - Parameter whyNeeded: said after "the file is missing" when there is no such file.
  static func read(_ url: URL, displayPath: String, whyNeeded: String? = nil) throws(BuildFailure) -> SourceFile {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      var isFolder: ObjCBool = false
      let message =
        !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        ? "the file is missing" + (whyNeeded.map { ": \($0)" } ?? "")
        : isFolder.boolValue
          ? "this is a folder, but a file is expected here" : "cannot read the file (check its permissions)"
      throw BuildFailure(
        SystemFailure.code(of: error).flatMap { SystemFailure.diagnostic(code: $0, path: displayPath) }
          ?? .error(message, at: SourceLocation(path: displayPath)))
    }
    return try decode(data, displayPath: displayPath)
  }

  static func decode(_ data: Data, displayPath: String) throws(BuildFailure) -> SourceFile {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    // On the raw bytes: searching and validating a Data slice byte by byte was most of the cost of reading a file.
    let nulOffset = bytes.withUnsafeBytes { buffer -> Int? in
      guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
      return base.distance(to: UnsafeRawPointer(found))
    }
    if let nulOffset {
      let location = locate(byteOffset: nulOffset, in: bytes, path: displayPath)
      throw BuildFailure(
        .error("the file contains a NUL byte; it looks like a binary file, not text", at: location))
    }
    let decoded = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
    guard let text = decoded else {
      let offset = firstInvalidUTF8Offset(bytes)
      let location = locate(byteOffset: offset, in: bytes, path: displayPath)
      throw BuildFailure(
        .error("the file is not UTF-8 text; save it with UTF-8 encoding", at: location))
    }
    return SourceFile(path: displayPath, text: text)
  }

  /// The location of a 1-based line and a 1-based byte column within that line (as cmark reports them), in the
  /// editor's numbering of `lines`, this file's `LineMap`.
  func location(line: Int, byteColumn: Int, lines: LineMap) -> SourceLocation {
    let (line, column) = lines.position(ofOffset: lines.offset(line: line, byteColumn: byteColumn))
    return SourceLocation(path: path, line: line, column: column)
  }

  private static func locate(byteOffset: Int, in bytes: Data.SubSequence, path: String) -> SourceLocation {
    let (line, column) = LineMap(bytes: Array(bytes)).position(ofOffset: byteOffset)
    return SourceLocation(path: path, line: line, column: column)
  }

  private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int {
    let array = Array(bytes)
    var offset = 0
    while offset < array.count {
      let lead = array[offset]
      let length =
        lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
      guard length > 0, offset + length <= array.count,
        String(validating: array[offset..<(offset + length)], as: UTF8.self) != nil
      else { return offset }
      offset += length
    }
    return offset
  }
}
