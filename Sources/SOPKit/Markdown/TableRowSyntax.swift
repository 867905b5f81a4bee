/// How one line of a GFM pipe table reads: its cells, and for the delimiter row their alignment.
///
/// The rules are GitHub's (cmark-gfm's table extension): cells are split at every pipe not preceded by a
/// backslash, a leading and a trailing pipe are optional, cells are trimmed, and `\|` becomes `|` before the
/// cell's inline Markdown is read, inside code spans too.
enum TableRowSyntax {
  /// The alignment a delimiter cell (`:--`, `:-:`, `--:`, `---`) gives its column.
  enum Alignment: Equatable, Sendable {
    case none, left, center, right
  }

  /// The cells of a row, each trimmed with `\|` unescaped; empty for a line with no cell (`|` alone, or blank).
  static func cells(of line: Substring) -> [String] {
    var cells: [String] = []
    var bytes = Array(line.utf8)
    while let last = bytes.last, isSpace(last) { bytes.removeLast() }
    var start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
    if start < bytes.count, bytes[start] == pipe { start += 1 }
    var cell: [UInt8] = []
    var index = start
    var ended = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == backslash, index + 1 < bytes.count, bytes[index + 1] == pipe {
        cell.append(pipe)
        index += 2
        ended = false
        continue
      }
      if byte == pipe {
        cells.append(trimmed(cell))
        cell = []
        ended = true
      } else {
        cell.append(byte)
        ended = false
      }
      index += 1
    }
    // A trailing pipe closes the last cell instead of opening an empty one.
    if !ended && index > start { cells.append(trimmed(cell)) }
    return cells
  }

  /// The alignments of a delimiter row, or nil when the line is not one (every cell must be `:?-+:?`).
  static func alignments(of line: Substring) -> [Alignment]? {
    let cells = cells(of: line)
    if cells.isEmpty { return nil }
    var alignments: [Alignment] = []
    for cell in cells {
      let bytes = Array(cell.utf8)
      let left = bytes.first == colon
      let right = bytes.count > (left ? 1 : 0) && bytes.last == colon
      let dashes = bytes.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == dash }) else { return nil }
      switch (left, right) {
      case (true, true): alignments.append(.center)
      case (true, false): alignments.append(.left)
      case (false, true): alignments.append(.right)
      case (false, false): alignments.append(.none)
      }
    }
    return alignments
  }

  private static let pipe = UInt8(ascii: "|")
  private static let backslash = UInt8(ascii: "\\")
  private static let colon = UInt8(ascii: ":")
  private static let dash = UInt8(ascii: "-")

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
  }

  private static func trimmed(_ bytes: [UInt8]) -> String {
    let start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
    let end = (bytes.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }
}
