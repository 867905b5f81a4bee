import Foundation

/// Reads the diagnostics `sopkit check` printed and finds those whose place is not in their file, counting lines as an
/// editor does (ending at LF, CRLF or a lone CR) and columns in Unicode scalars, up to one past a line's end.
enum DiagnosticPlaces {
  static func problems(in output: String, root: URL) -> [String] {
    var problems: [String] = []
    for line in output.split(separator: "\n") where line.contains(": error: ") || line.contains(": warning: ") {
      guard let (path, lineNumber, column) = place(of: String(line)) else {
        problems.append("unreadable diagnostic: \(line)")
        continue
      }
      let url = root.appendingPathComponent(path)
      // A missing file (site.yaml, contacts.yaml, a removed partial) may only be named at 1:1.
      guard let data = FileManager.default.contents(atPath: url.path) else {
        if (lineNumber, column) != (1, 1) { problems.append("\(line): no such file, yet a place past 1:1") }
        continue
      }
      let lengths = lineLengths(String(decoding: data, as: UTF8.self))
      guard lineNumber >= 1, lineNumber <= lengths.count, column >= 1, column <= lengths[lineNumber - 1] + 1 else {
        problems.append("\(line): the file has \(lengths.count) lines (\(lengths.prefix(20)) scalars)")
        continue
      }
    }
    return problems
  }

  /// The path, line and column at the start of a diagnostic line; a quoted path is unescaped.
  static func place(of line: String) -> (String, Int, Int)? {
    var rest = Substring(line)
    var path = ""
    if rest.hasPrefix("\"") {
      rest = rest.dropFirst()
      var escaped = false
      while let character = rest.popFirst() {
        if escaped {
          switch character {
          case "n": path += "\n"
          case "r": path += "\r"
          case "t": path += "\t"
          case "u":
            guard rest.hasPrefix("{"), let close = rest.firstIndex(of: "}"),
              let value = UInt32(rest[rest.index(after: rest.startIndex)..<close], radix: 16),
              let scalar = Unicode.Scalar(value)
            else { return nil }
            path.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: close)...]
          default: path.append(character)
          }
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          break
        } else {
          path.append(character)
        }
      }
    } else {
      guard let colon = rest.firstIndex(of: ":") else { return nil }
      path = String(rest[..<colon])
      rest = rest[colon...]
    }
    let fields = rest.dropFirst().split(separator: ":", maxSplits: 2)
    guard fields.count >= 2, let lineNumber = Int(fields[0]), let column = Int(fields[1]) else { return nil }
    return (path, lineNumber, column)
  }

  /// The length in Unicode scalars of each line an editor shows; a final line break starts no line.
  static func lineLengths(_ text: String) -> [Int] {
    var lengths = [0]
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\r" || scalar == "\n" {
        if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
        lengths.append(0)
      } else {
        lengths[lengths.count - 1] += 1
      }
    }
    if lengths.count > 1, lengths.last == 0 { lengths.removeLast() }
    return lengths
  }
}
