import CCmark

/// GFM pipe tables, found in what cmark parsed and built from cmark's own inline parsing.
///
/// cmark knows no tables: a table comes out of it as a paragraph (or, above a `---` or `===` line, a setext
/// heading) whose lines are a header row, a delimiter row and body rows. `init` finds those blocks and writes
/// every cell as a one-line ATX heading (`# cell #`) in a preamble put before the document; cmark parses the
/// preamble and the document together, so cells read links against the document's reference definitions, and
/// `apply` then moves each cell's inlines into a table built of custom blocks where the paragraph was.
/// Lines of such a paragraph before the header row, and those after a line that ends the table (a lazy line,
/// an indented-code line, a line with no cell), are parsed again in the preamble as blocks of their own.
struct GFMTables {
  /// What a piece of the preamble stands for in the original body.
  private struct Unit {
    /// The preamble text, without the blank line that follows it.
    var text: String
    /// The original (line, column) of each preamble line of this unit.
    var origins: [(line: Int, column: Int)]
    /// The preamble line the unit starts on, set when the preamble is written.
    var preambleLine = 0
  }

  /// One table and the block it replaces.
  private struct Table {
    var startLine: Int
    var isSetextHeading: Bool
    /// `---` under a table is a thematic break after it (`===` is read as one more row).
    var endsWithThematicBreak: Bool
    var leading: Int?
    var caption: Int?
    /// The start line of a separate `Table: …` paragraph just before the table, which becomes its caption.
    var captionParagraphLine: Int?
    var alignments: [TableRowSyntax.Alignment]
    var header: [Int]
    var rows: [[Int]]
    var remainder: Int?
    /// The container the remainder's first line leaves, when it is a lazy line.
    var remainderLeaves: BlockSourceLines.Exit?
  }

  private var units: [Unit] = []
  private var tables: [Table] = []
  /// The preamble, followed by a blank line; the original body starts on line `preambleLines + 1`.
  private(set) var preamble = ""
  private(set) var preambleLines = 0

  /// Finds the tables of `document`, a parse of `body`; nil when there is none (the common case, which costs
  /// a look at each paragraph's first two lines).
  init?(document: OpaquePointer, body: Substring) {
    // Every table has a pipe but the one-column kind without one, whose delimiter row has a colon.
    let utf8 = body.utf8
    guard utf8.contains(UInt8(ascii: "|")) || body.contains(":-") || body.contains("-:") else { return nil }
    var candidates: [(node: OpaquePointer, previous: OpaquePointer?)] = []
    let iterator = cmark_iter_new(document)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING,
        cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
      {
        candidates.append((node, cmark_node_previous(node)))
      }
    }
    cmark_iter_free(iterator)
    if candidates.isEmpty { return nil }
    let source = BlockSourceLines(body: body)
    for (node, previous) in candidates { plan(node, previous: previous, source: source) }
    if tables.isEmpty { return nil }
    writePreamble()
  }

  private mutating func plan(_ node: OpaquePointer, previous: OpaquePointer?, source: BlockSourceLines) {
    let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
    var lines = source.lines(of: node, droppingLast: isHeading)
    var endsWithThematicBreak = false
    if isHeading {
      // A setext heading's underline: `-` is a thematic break after the table, `=` one more row of it.
      let underline = source.lines(of: node).last.map { $0.text.drop { $0 == " " || $0 == "\t" } } ?? ""
      if underline.first == "=" {
        lines = source.lines(of: node)
      } else {
        endsWithThematicBreak = true
      }
    }
    guard lines.count >= 2 else { return }
    var headerIndex: Int?
    var alignments: [TableRowSyntax.Alignment] = []
    for index in 0..<(lines.count - 1) where !lines[index + 1].isLazy && !lines[index + 1].isIndentedCode {
      guard lines[index + 1].text.utf8.contains(UInt8(ascii: "-")),
        let found = TableRowSyntax.alignments(of: lines[index + 1].text),
        TableRowSyntax.cells(of: lines[index].text).count == found.count
      else { continue }
      headerIndex = index
      alignments = found
      break
    }
    guard let headerIndex else { return }

    var leadingLines = Array(lines[..<headerIndex])
    var caption: Int?
    var captionParagraphLine: Int?
    if let last = leadingLines.last, let text = Self.captionText(last.text) {
      caption = addInline(text, at: last, offset: last.text.utf8.count - text.utf8.count)
      leadingLines.removeLast()
    } else if headerIndex == 0, let previous, cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH,
      cmark_node_get_start_line(previous) == cmark_node_get_end_line(previous),
      let line = source.lines(of: previous).first, let text = Self.captionText(line.text)
    {
      caption = addInline(text, at: line, offset: line.text.utf8.count - text.utf8.count)
      captionParagraphLine = line.number
    }
    let leading = leadingLines.isEmpty ? nil : addBlocks(leadingLines)
    let header = TableRowSyntax.cells(of: lines[headerIndex].text).map { addInline($0, at: lines[headerIndex]) }
    var rows: [[Int]] = []
    var rowIndex = headerIndex + 2
    while rowIndex < lines.count {
      let line = lines[rowIndex]
      let cells = TableRowSyntax.cells(of: line.text)
      if line.isLazy || line.isIndentedCode || cells.isEmpty || Self.startsOrderedList(line.text) { break }
      rows.append(
        (0..<alignments.count).map { addInline($0 < cells.count ? cells[$0] : "", at: line) })
      rowIndex += 1
    }
    let remainder = rowIndex < lines.count ? addBlocks(Array(lines[rowIndex...])) : nil
    let remainderLeaves = rowIndex < lines.count ? lines[rowIndex].lazyExit : nil
    tables.append(
      Table(
        startLine: Int(cmark_node_get_start_line(node)), isSetextHeading: isHeading,
        endsWithThematicBreak: endsWithThematicBreak, leading: leading, caption: caption,
        captionParagraphLine: captionParagraphLine, alignments: alignments, header: header, rows: rows,
        remainder: remainder, remainderLeaves: remainderLeaves))
  }

  /// `Safety map` for the line `Table: Safety map`.
  private static func captionText(_ line: Substring) -> Substring? {
    guard line.hasPrefix("Table:") else { return nil }
    let text = line.dropFirst(6).drop { $0 == " " || $0 == "\t" }
    let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty ? nil : text.prefix(trimmed.count)
  }

  /// An ordered list that does not start at 1 cannot interrupt a paragraph, but does end a table.
  private static func startsOrderedList(_ line: Substring) -> Bool {
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard (1...9).contains(digits.count) else { return false }
    let rest = line.dropFirst(digits.count)
    guard rest.first == "." || rest.first == ")" else { return false }
    return rest.count == 1 || rest.dropFirst().first == " " || rest.dropFirst().first == "\t"
  }

  private mutating func addInline(_ text: some StringProtocol, at line: BlockSourceLines.Line, offset: Int = 0) -> Int {
    // The closing ` #` keeps a cell's own trailing `#` from being read as an ATX heading's closing sequence.
    units.append(Unit(text: "# \(text) #", origins: [(line.number, line.column + offset)]))
    return units.count - 1
  }

  private mutating func addBlocks(_ lines: [BlockSourceLines.Line]) -> Int {
    units.append(
      Unit(
        text: lines.map { String(repeating: " ", count: $0.indent) + $0.text }.joined(separator: "\n"),
        origins: lines.map { ($0.number, $0.column) }))
    return units.count - 1
  }

  private mutating func writePreamble() {
    var line = 1
    for index in units.indices {
      units[index].preambleLine = line
      preamble += units[index].text
      preamble += "\n\n"
      line += units[index].origins.count + 1
    }
    preambleLines = line - 1
  }

  /// Where a position in the parse of preamble and body was in the original body.
  func originalPosition(line: Int, column: Int) -> (line: Int, column: Int) {
    if line > preambleLines { return (line - preambleLines, column) }
    for unit in units.reversed() where unit.preambleLine <= line {
      let offset = min(line - unit.preambleLine, unit.origins.count - 1)
      let origin = unit.origins[offset]
      // A cell's text starts after `# ` in the preamble.
      let shift = unit.text.hasPrefix("# ") && unit.origins.count == 1 ? 2 : 0
      return (origin.line, origin.column + max(column - 1 - shift, 0))
    }
    return (1, 1)
  }

  /// Builds the tables in `document`, a parse of `preamble + body`.
  func apply(to document: OpaquePointer) {
    var unitNodes: [Int: [OpaquePointer]] = [:]
    var targets: [Int: OpaquePointer] = [:]
    var paragraphs: [Int: OpaquePointer] = [:]
    let starts = Dictionary(uniqueKeysWithValues: units.indices.map { (units[$0].preambleLine, $0) })
    var child = cmark_node_first_child(document)
    while let node = child {
      let line = Int(cmark_node_get_start_line(node))
      if line <= preambleLines {
        let unit = starts[line] ?? units.lastIndex { $0.preambleLine <= line }
        if let unit { unitNodes[unit, default: []].append(node) }
      }
      child = cmark_node_next(node)
    }
    let iterator = cmark_iter_new(document)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let line = Int(cmark_node_get_start_line(node)) - preambleLines
      guard line >= 1 else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_PARAGRAPH:
        paragraphs[line] = node
        targets[line] = node
      case CMARK_NODE_HEADING:
        targets[line] = node
      default: break
      }
    }
    cmark_iter_free(iterator)

    for table in tables {
      guard let target = targets[table.startLine] else { continue }
      for node in table.leading.flatMap({ unitNodes[$0] }) ?? [] { cmark_node_insert_before(target, node) }
      cmark_node_insert_before(target, build(table, unitNodes: unitNodes))
      if table.endsWithThematicBreak,
        let rule = cmark_node_new_with_mem(CMARK_NODE_THEMATIC_BREAK, CmarkArena.allocator)
      {
        cmark_node_insert_before(target, rule)
      }
      let remainder = table.remainder.flatMap { unitNodes[$0] } ?? []
      if let container = table.remainderLeaves.flatMap({ Self.container(left: $0, by: target) }) {
        for node in remainder.reversed() { cmark_node_insert_after(container, node) }
      } else {
        for node in remainder { cmark_node_insert_before(target, node) }
      }
      cmark_node_free(target)
      if let line = table.captionParagraphLine, let paragraph = paragraphs[line] { cmark_node_free(paragraph) }
    }
  }

  /// The container a lazy line leaves: the first block quote whose `>` it lacks, or the list of the innermost
  /// item whose indentation it lacks.
  private static func container(left exit: BlockSourceLines.Exit, by node: OpaquePointer) -> OpaquePointer? {
    var quotes: [OpaquePointer] = []
    var parent = cmark_node_parent(node)
    while let container = parent {
      switch cmark_node_get_type(container) {
      case CMARK_NODE_BLOCK_QUOTE: quotes.insert(container, at: 0)
      case CMARK_NODE_ITEM where exit == .listItem: return cmark_node_parent(container)
      default: break
      }
      parent = cmark_node_parent(container)
    }
    if case .blockQuote(let matched) = exit, matched < quotes.count { return quotes[matched] }
    return nil
  }

  private func build(_ table: Table, unitNodes: [Int: [OpaquePointer]]) -> OpaquePointer {
    let wrapper = Self.block("<div class=\"table-scroll\" tabindex=\"0\">\n<table>", "</table>\n</div>")
    if let caption = table.caption {
      cmark_node_append_child(wrapper, cell(unitNodes[caption]?.first, open: "<caption>", close: "</caption>"))
    }
    let head = Self.block("<thead>\n<tr>", "</tr>\n</thead>")
    for (column, unit) in table.header.enumerated() {
      let open = "<th scope=\"col\"\(Self.alignment(table.alignments[column]))>"
      cmark_node_append_child(head, cell(unitNodes[unit]?.first, open: open, close: "</th>"))
    }
    cmark_node_append_child(wrapper, head)
    if !table.rows.isEmpty {
      let body = Self.block("<tbody>", "</tbody>")
      for row in table.rows {
        let tr = Self.block("<tr>", "</tr>")
        for (column, unit) in row.enumerated() {
          let open = "<td\(Self.alignment(table.alignments[column]))>"
          cmark_node_append_child(tr, cell(unitNodes[unit]?.first, open: open, close: "</td>"))
        }
        cmark_node_append_child(body, tr)
      }
      cmark_node_append_child(wrapper, body)
    }
    return wrapper
  }

  /// A cell holding the inlines of the preamble heading it was parsed as (an inline node, so cmark writes no line
  /// breaks inside it).
  private func cell(_ heading: OpaquePointer?, open: String, close: String) -> OpaquePointer {
    let cell = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, CmarkArena.allocator)!
    cmark_node_set_on_enter(cell, open)
    cmark_node_set_on_exit(cell, close)
    if let heading {
      while let child = cmark_node_first_child(heading) { cmark_node_append_child(cell, child) }
      cmark_node_free(heading)
    }
    return cell
  }

  private static func alignment(_ alignment: TableRowSyntax.Alignment) -> String {
    switch alignment {
    case .none: ""
    case .left: " class=\"align-left\""
    case .center: " class=\"align-center\""
    case .right: " class=\"align-right\""
    }
  }

  private static func block(_ open: String, _ close: String) -> OpaquePointer {
    let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.allocator)!
    cmark_node_set_on_enter(node, open)
    cmark_node_set_on_exit(node, close)
    return node
  }
}
