/// A line break other than `\n` or `\r\n`: editors, libyaml, swift-mustache and cmark disagree about where it
/// ends a line, so sopkit warns about it at its own place.
struct UnusualLineBreak: Sendable, Hashable {
  /// Which character breaks the line.
  enum Kind: Sendable, Hashable, CaseIterable {
    case carriageReturn
    case nextLine
    case lineSeparator
    case paragraphSeparator

    /// How the character is named to an editor.
    var name: String {
      switch self {
      case .carriageReturn: "a carriage return (CR) without a line feed"
      case .nextLine: "a NEXT LINE character (U+0085)"
      case .lineSeparator: "a LINE SEPARATOR character (U+2028)"
      case .paragraphSeparator: "a PARAGRAPH SEPARATOR character (U+2029)"
      }
    }
  }

  var kind: Kind
  /// The UTF-8 offset of the character in its text.
  var offset: Int

  /// One warning per kind of unusual line break in `lines`, at its first place, counting the others.
  static func warnings(in lines: LineMap, path: String, firstLine: Int = 1) -> [Diagnostic] {
    var firsts: [Kind: (offset: Int, count: Int)] = [:]
    for found in lines.unusualBreaks {
      firsts[found.kind, default: (found.offset, 0)].count += 1
    }
    return Kind.allCases.compactMap { kind in
      guard let first = firsts[kind] else { return nil }
      let (line, column) = lines.position(ofOffset: first.offset)
      let others = first.count > 1 ? " (and \(first.count - 1) more in this file)" : ""
      return .warning(
        "an unusual line break: \(kind.name)\(others); editors and sopkit may count lines differently here, so replace it with a normal line break",
        at: SourceLocation(path: path, line: line + firstLine - 1, column: column))
    }
  }
}
