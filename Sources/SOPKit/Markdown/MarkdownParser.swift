import CCmark
import Glibc

/// Parses one Markdown body through cmark, the build's only Markdown parser, in the Load stage.
///
/// One parse and one walk: the walk records headings, plain text and links, then the tree is rewritten
/// (heading ids, refused links and raw HTML removed, a slot in place of each link that leads into the
/// site) and cmark renders it. Where those links lead is known only once every page is: the Assemble
/// stage fills the slots. Everything cmark allocates lives in the thread's `CmarkArena`, taken back before
/// `parse` returns.
struct MarkdownParser: Sendable {
  let allowRawHTML: Bool

  func parse(_ body: Substring, file: SourceFile, firstLine: Int, diagnostics: inout DiagnosticCollector)
    -> ParsedMarkdown
  {
    let arena = CmarkArena.current
    // The tree and the HTML go with the arena's reset, without a walk to free each node.
    defer { arena.reset() }
    let (document, tables) = Self.parseDocument(body)
    var walk = Walk(file: file, firstLine: firstLine, allowRawHTML: allowRawHTML, tables: tables)
    walk.visit(document)
    walk.rewrite()
    diagnostics.append(contentsOf: walk.diagnostics.diagnostics)
    let html = cmark_render_html(document, allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)!
    return ParsedMarkdown(
      html: UnsafeRawBufferPointer(start: html, count: strlen(html)), links: walk.links,
      headings: walk.headings.map(\.heading), sections: walk.sections, htmlAnchors: walk.htmlAnchors)
  }

  /// cmark's tree of `body` with GFM's tables, strikethrough, `www.` links and footnotes built in it, and where the
  /// tables moved the body's lines.
  static func parseDocument(_ body: Substring) -> (document: OpaquePointer, tables: GFMTables?) {
    var document = parse(body)
    let tables = GFMTables(document: document, body: body)
    if let tables {
      document = parse(tables.preamble + body)
      tables.apply(to: document)
    }
    if body.contains("~") || body.contains("www.") { GFMInlines.apply(to: document) }
    if body.contains("[^") { Footnotes.apply(to: document) }
    return (document, tables)
  }

  private static func parse(_ text: some StringProtocol) -> OpaquePointer {
    let parser = cmark_parser_new_with_mem(CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8, CmarkArena.allocator)
    var text = Substring(text)
    text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    let document = cmark_parser_finish(parser)!
    cmark_parser_free(parser)
    return document
  }
}

/// The state of one walk over a cmark tree; holds node pointers only until `rewrite()`.
private struct Walk {
  let file: SourceFile
  let firstLine: Int
  let allowRawHTML: Bool
  /// Set when the document had tables and was parsed again after a preamble of their cells.
  let tables: GFMTables?

  var diagnostics = DiagnosticCollector()
  var anchors = HeadingAnchors()
  var headings: [(node: OpaquePointer, heading: ParsedMarkdown.Heading)] = []
  var sections: [ParsedMarkdown.Section] = []
  /// The links into the site, in the order their slots appear in the HTML.
  var links: [ParsedMarkdown.Link] = []
  /// The `id`s of raw HTML elements, which links may lead to as they lead to headings.
  var htmlAnchors: [String] = []

  // Plain text is gathered as the UTF-8 bytes cmark hands out and becomes a String once per section.
  private var text: [UInt8] = []
  private var sectionHeading: ParsedMarkdown.Heading?
  private var headingText: [UInt8]?
  private var imageAlt: [UInt8]?
  private var lastLine = 1
  private var lastColumn = 1
  private var urlChanges: [(node: OpaquePointer, url: String)] = []
  private var unwrap: [OpaquePointer] = []
  private var remove: [OpaquePointer] = []
  /// The block that held the last raw HTML left out, so each block gets one warning.
  private var lastRefusedBlock: OpaquePointer?
  /// Paragraphs that lost raw HTML, removed if nothing but white space is left in them.
  private var emptied: [OpaquePointer] = []
  private var literalChanges: [(node: OpaquePointer, literal: [UInt8])] = []
  /// `[^note]` read as a link because a one-word note looks like a link reference definition: kept as text.
  private var footnoteReferences: [(link: OpaquePointer, text: OpaquePointer)] = []
  private var lines: LineMap?

  init(file: SourceFile, firstLine: Int, allowRawHTML: Bool, tables: GFMTables?) {
    self.file = file
    self.firstLine = firstLine
    self.allowRawHTML = allowRawHTML
    self.tables = tables
  }

  mutating func visit(_ document: OpaquePointer) {
    let iterator = cmark_iter_new(document)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let entering = event == CMARK_EVENT_ENTER
      if entering, cmark_node_get_start_line(node) > 0 {
        lastLine = Int(cmark_node_get_start_line(node))
        lastColumn = Int(cmark_node_get_start_column(node))
      }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        appendText(literal(node))
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        appendText(CollectionOfOne(UInt8(ascii: " ")))
      case CMARK_NODE_CODE_BLOCK:
        appendText(literal(node))
        appendText(CollectionOfOne(UInt8(ascii: " ")))
      case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
        if allowRawHTML { readRawHTML(node) } else { refuseRawHTML(node) }
      case CMARK_NODE_HEADING:
        if entering { enterHeading() } else { exitHeading(node) }
      case CMARK_NODE_LINK:
        if entering { recordLink(node, isImage: false) }
      case CMARK_NODE_IMAGE:
        if entering {
          recordLink(node, isImage: true)
          imageAlt = []
        } else {
          checkAlt(node)
        }
      case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CUSTOM_BLOCK,
        CMARK_NODE_CUSTOM_INLINE:
        if !entering { appendText(CollectionOfOne(UInt8(ascii: " "))) }
      default:
        break
      }
    }
    sections.append(.init(heading: sectionHeading, text: collapse(text)))
  }

  /// Applies what the walk decided; cmark allows changing the tree only once the walk is over.
  mutating func rewrite() {
    for (node, url) in urlChanges { cmark_node_set_url(node, url) }
    for node in unwrap {
      while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
      cmark_node_free(node)
    }
    for (node, literal) in literalChanges { cmark_node_set_literal(node, String(decoding: literal, as: UTF8.self)) }
    for (link, text) in footnoteReferences {
      cmark_node_set_literal(text, "[\(String(cString: cmark_node_get_literal(text)))]")
      cmark_node_insert_before(link, text)
      cmark_node_free(link)
    }
    for node in remove { cmark_node_free(node) }
    for paragraph in Set(emptied) where Self.holdsOnlyWhiteSpace(paragraph) { cmark_node_free(paragraph) }
    let shift = headings.contains { $0.heading.level == 1 } ? 1 : 0
    for index in headings.indices {
      headings[index].heading.level = min(headings[index].heading.level + shift, 6)
      wrap(headings[index].node, as: headings[index].heading)
    }
    if shift == 1 {
      for index in sections.indices {
        if let level = sections[index].heading?.level { sections[index].heading?.level = min(level + 1, 6) }
      }
    }
  }

  /// Replaces a heading with a custom block that writes `<hN id="...">`, keeping its inline children.
  private func wrap(_ heading: OpaquePointer, as value: ParsedMarkdown.Heading) {
    guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.allocator) else { return }
    cmark_node_set_on_enter(block, "<h\(value.level) id=\"\(value.id)\">")
    cmark_node_set_on_exit(block, "</h\(value.level)>")
    while let child = cmark_node_first_child(heading) { cmark_node_append_child(block, child) }
    cmark_node_insert_before(heading, block)
    cmark_node_free(heading)
  }

  private mutating func enterHeading() {
    sections.append(.init(heading: sectionHeading, text: collapse(text)))
    text = []
    headingText = []
  }

  private mutating func exitHeading(_ node: OpaquePointer) {
    let title = collapse(headingText ?? [])
    headingText = nil
    text = []
    let heading = ParsedMarkdown.Heading(
      level: Int(cmark_node_get_heading_level(node)),
      id: anchors.id(for: HeadingAnchors.typedText(of: title, source: sourceText(of: node))), text: title)
    headings.append((node, heading))
    sectionHeading = heading
  }

  /// Keeps outside addresses as written, drops those that are refused whatever the site holds, and leaves a
  /// slot for every other link, which Assemble resolves.
  private mutating func recordLink(_ node: OpaquePointer, isImage: Bool) {
    if !isImage, let text = Self.footnoteLabel(of: node) {
      footnoteReferences.append((node, text))
      return
    }
    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    switch LinkAddress(url) {
    case .external:
      return
    case .refused(let message):
      let wording = isImage ? message.replacingOccurrences(of: "the link", with: "the image") : message
      diagnostics.warning(wording, at: location())
      if isImage { remove.append(node) } else { unwrap.append(node) }
    case .local:
      urlChanges.append((node, ParsedMarkdown.slot))
      links.append(.init(url: url, isImage: isImage, location: location()))
    }
  }

  /// The text node of a link written `[^label]`: a GFM footnote reference, never a link.
  private static func footnoteLabel(of link: OpaquePointer) -> OpaquePointer? {
    guard let text = cmark_node_first_child(link), cmark_node_next(text) == nil,
      cmark_node_get_type(text) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(text),
      literal.pointee == CChar(UInt8(ascii: "^"))
    else { return nil }
    return strchr(literal, 0x20) == nil ? text : nil
  }

  private mutating func checkAlt(_ node: OpaquePointer) {
    let alt = collapse(imageAlt ?? [])
    imageAlt = nil
    if alt.isEmpty {
      let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
      diagnostics.warning(
        "the image '\(url)' has no alt text: describe it between the brackets, ![like this](\(url))",
        at: location())
    }
  }

  /// Leaves raw HTML out, with one warning for each block that had some, at the line of its first.
  private mutating func refuseRawHTML(_ node: OpaquePointer) {
    remove.append(node)
    var block = node
    if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
      while let parent = cmark_node_parent(block),
        cmark_node_get_type(parent).rawValue >= CMARK_NODE_FIRST_INLINE.rawValue
      {
        block = parent
      }
      block = cmark_node_parent(block) ?? block
      if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH { emptied.append(block) }
    }
    guard block != lastRefusedBlock else { return }
    lastRefusedBlock = block
    let firstLine = literal(node).prefix { $0 != UInt8(ascii: "\n") }
    let snippet = String(decoding: firstLine.prefix(60), as: UTF8.self) + (firstLine.count > 60 ? "…" : "")
    diagnostics.warning(
      "raw HTML '\(snippet)' is left out of the page (set 'allow_raw_html: true' in site.yaml only if every editor is trusted)",
      at: location())
  }

  /// Raw HTML let through: its `id`s become anchors, its `href` and `src` get slots like Markdown's links.
  private mutating func readRawHTML(_ node: OpaquePointer) {
    let html = Array(literal(node))
    var replacements: [(attribute: RawHTMLAttributes.Attribute, value: String)] = []
    for attribute in RawHTMLAttributes(html).attributes {
      let place = location(
        line: lastLine + attribute.line,
        column: attribute.line == 0 ? lastColumn + attribute.column : attribute.column + 1)
      if attribute.kind == .id {
        htmlAnchors.append(attribute.value)
        continue
      }
      switch LinkAddress(attribute.value) {
      case .external:
        continue
      case .refused(let message):
        diagnostics.warning(message, at: place)
        replacements.append((attribute, ""))
      case .local:
        replacements.append((attribute, ParsedMarkdown.slot))
        links.append(.init(url: attribute.value, isImage: attribute.kind == .src, location: place))
      }
    }
    if !replacements.isEmpty { literalChanges.append((node, RawHTMLAttributes.replacing(replacements, in: html))) }
  }

  private static func holdsOnlyWhiteSpace(_ paragraph: OpaquePointer) -> Bool {
    var child = cmark_node_first_child(paragraph)
    while let node = child {
      switch cmark_node_get_type(node) {
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: break
      case CMARK_NODE_TEXT:
        guard let literal = cmark_node_get_literal(node) else { break }
        if !UnsafeBufferPointer(start: literal, count: strlen(literal)).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          return false
        }
      default: return false
      }
      child = cmark_node_next(node)
    }
    return true
  }

  private mutating func appendText(_ piece: some Collection<UInt8>) {
    text.append(contentsOf: piece)
    headingText?.append(contentsOf: piece)
    imageAlt?.append(contentsOf: piece)
  }

  /// The node's text as cmark holds it, valid until the tree changes.
  private func literal(_ node: OpaquePointer) -> UnsafeRawBufferPointer {
    guard let literal = cmark_node_get_literal(node) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: literal, count: strlen(literal))
  }

  /// The lines of the file a block was parsed from.
  private mutating func sourceText(of node: OpaquePointer) -> Substring {
    let lineStarts = lineMap().lineStarts
    let first = original(line: Int(cmark_node_get_start_line(node)), column: 1).line + firstLine - 1
    let last = original(line: Int(cmark_node_get_end_line(node)), column: 1).line + firstLine - 1
    guard first >= 1, last >= first, last <= lineStarts.count else { return "" }
    let utf8 = file.text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[first - 1])
    let end = last < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[last]) : utf8.endIndex
    return file.text[start..<end]
  }

  private func original(line: Int, column: Int) -> (line: Int, column: Int) {
    tables?.originalPosition(line: line, column: column) ?? (line, column)
  }

  private mutating func location() -> SourceLocation { location(line: lastLine, column: lastColumn) }

  private mutating func location(line: Int, column: Int) -> SourceLocation {
    let (line, column) = original(line: line, column: column)
    return file.location(line: line + firstLine - 1, byteColumn: column, lines: lineMap())
  }

  /// The file's lines, made once per body and only when a position is needed.
  private mutating func lineMap() -> LineMap {
    if let lines { return lines }
    let made = LineMap(file.text)
    lines = made
    return made
  }

  /// Trims the text and turns every run of ASCII white space into one space, working on UTF-8 bytes
  /// (splitting on `Character.isWhitespace` costs more than parsing the Markdown).
  private func collapse(_ text: [UInt8]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count)
    var pendingSpace = false
    for byte in text {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
        pendingSpace = !bytes.isEmpty
      default:
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
