import CCmark

/// The source lines of a paragraph (or setext heading) that cmark parsed, without the block-quote markers and
/// list indentation of the containers around it, as a GFM block parser would see them.
struct BlockSourceLines {
  /// One line of the block.
  struct Line {
    /// 1-based line number in the Markdown body.
    var number: Int
    /// 1-based byte column where `text` starts.
    var column: Int
    var text: Substring
    /// For a lazy continuation line, one that leaves out a block quote's `>` or a list item's indentation, the
    /// container it does not continue: a table's rows cannot go on through such a line.
    var lazyExit: Exit?
    var isLazy: Bool { lazyExit != nil }
    /// Columns of indentation past the block's first line, which a line after a table keeps.
    var indent: Int
    /// Indented four columns past the block, so after a table it would start an indented code block.
    var isIndentedCode: Bool { !isLazy && indent >= 4 }
  }

  /// The container a lazy line does not continue.
  enum Exit: Equatable {
    /// The block quote after the first `matched` ones, counted from the outside.
    case blockQuote(matched: Int)
    case listItem
  }

  /// The body split into lines (without line endings), shared by every block of one document.
  let body: [Substring]

  init(body: Substring) {
    self.body = body.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.last == "\r" ? $0.dropLast() : $0
    }
  }

  /// The block's lines, from its start line to its end line (for a setext heading, without the underline).
  func lines(of node: OpaquePointer, droppingLast: Bool = false) -> [Line] {
    let first = Int(cmark_node_get_start_line(node))
    var last = Int(cmark_node_get_end_line(node))
    if droppingLast { last -= 1 }
    guard first >= 1, last >= first, last <= body.count else { return [] }
    let startColumn = Int(cmark_node_get_start_column(node))
    let quotes = quoteDepth(of: node)
    let itemColumn = itemContentColumn(of: node)
    var lines: [Line] = []
    for number in first...last {
      let line = body[number - 1]
      if number == first {
        let offset = min(max(startColumn - 1, 0), line.utf8.count)
        let start = line.utf8.index(line.startIndex, offsetBy: offset)
        lines.append(Line(number: number, column: startColumn, text: line[start...], lazyExit: nil, indent: 0))
        continue
      }
      var rest = line[...]
      var lazy: Exit?
      for matched in 0..<quotes {
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.first == ">" else {
          lazy = .blockQuote(matched: matched)
          break
        }
        rest = rest.dropFirst()
        if rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
      }
      let content = rest.drop { $0 == " " || $0 == "\t" }
      let column = line.utf8.distance(from: line.startIndex, to: content.startIndex) + 1
      if lazy == nil, let itemColumn, Self.visualColumn(of: content.startIndex, in: line) < itemColumn {
        lazy = .listItem
      }
      let indent = max(Self.visualColumn(of: content.startIndex, in: line) - startColumn, 0)
      lines.append(Line(number: number, column: column, text: content, lazyExit: lazy, indent: indent))
    }
    return lines
  }

  private func quoteDepth(of node: OpaquePointer) -> Int {
    var depth = 0
    var parent = cmark_node_parent(node)
    while let container = parent {
      if cmark_node_get_type(container) == CMARK_NODE_BLOCK_QUOTE { depth += 1 }
      parent = cmark_node_parent(container)
    }
    return depth
  }

  /// The column the innermost list item's content starts at (that of its first block), if there is one.
  private func itemContentColumn(of node: OpaquePointer) -> Int? {
    var parent = cmark_node_parent(node)
    while let container = parent {
      if cmark_node_get_type(container) == CMARK_NODE_ITEM {
        guard let first = cmark_node_first_child(container) else { return nil }
        return Int(cmark_node_get_start_column(first))
      }
      parent = cmark_node_parent(container)
    }
    return nil
  }

  /// The 1-based column of `index`, with tabs advancing to the next multiple of four as CommonMark counts them.
  private static func visualColumn(of index: Substring.Index, in line: Substring) -> Int {
    var column = 0
    for character in line.utf8[line.startIndex..<index] {
      column = character == UInt8(ascii: "\t") ? (column / 4 + 1) * 4 : column + 1
    }
    return column + 1
  }
}
