import CCmark
import Glibc

/// GFM's strikethrough (`~~gone~~`) and `www.` autolinks (`www.example.org/x`), made in the tree cmark parsed
/// from the text it left as plain text.
///
/// A bare `https://example.org` stays text, as CommonMark's spec says it must (its examples 607 and 610), so
/// no CommonMark document's rendering changes for it.
///
/// Text nodes are merged first (cmark leaves `[`, `]` and the like as nodes of their own); a tilde run is
/// read as a delimiter with the flanking rules cmark-gfm uses, looking across node boundaries at the
/// neighbouring node's first or last character. Addresses inside links, and e-mail addresses, are left alone.
enum GFMInlines {
  static func apply(to document: OpaquePointer) {
    cmark_consolidate_text_nodes(document)
    var containers: [OpaquePointer] = []
    var texts: [OpaquePointer] = []
    let iterator = cmark_iter_new(document)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      if cmark_node_get_type(node) == CMARK_NODE_TEXT {
        texts.append(node)
        if let parent = cmark_node_parent(node), containers.last != parent { containers.append(parent) }
      }
    }
    cmark_iter_free(iterator)
    for text in texts where !isInsideLink(text) { autolink(text) }
    for container in Set(containers) { strike(in: container) }
  }

  // MARK: Autolinks

  private static func isInsideLink(_ node: OpaquePointer) -> Bool {
    var parent = cmark_node_parent(node)
    while let ancestor = parent {
      let type = cmark_node_get_type(ancestor)
      if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
      parent = cmark_node_parent(ancestor)
    }
    return false
  }

  /// Splits a text node around each bare address in it, each address becoming a link node.
  private static func autolink(_ node: OpaquePointer) {
    guard let literal = cmark_node_get_literal(node) else { return }
    let bytes = Array(UnsafeBufferPointer(start: literal, count: strlen(literal))).map { UInt8(bitPattern: $0) }
    guard bytes.contains(UInt8(ascii: ".")) else { return }
    var pieces: [(text: [UInt8], url: String?)] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if let (length, url) = address(in: bytes, at: index) {
        pieces.append((Array(bytes[start..<index]), nil))
        pieces.append((Array(bytes[index..<(index + length)]), url))
        index += length
        start = index
      } else {
        index += 1
      }
    }
    guard pieces.contains(where: { $0.url != nil }) else { return }
    pieces.append((Array(bytes[start...]), nil))
    for piece in pieces where !piece.text.isEmpty {
      let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena.allocator)!
      cmark_node_set_literal(text, String(decoding: piece.text, as: UTF8.self))
      if let url = piece.url {
        let link = cmark_node_new_with_mem(CMARK_NODE_LINK, CmarkArena.allocator)!
        cmark_node_set_url(link, url)
        cmark_node_append_child(link, text)
        cmark_node_insert_before(node, link)
      } else {
        cmark_node_insert_before(node, text)
      }
    }
    cmark_node_free(node)
  }

  /// The length of a `www.` address starting at `index`, and the URL it links to.
  private static func address(in bytes: [UInt8], at index: Int) -> (Int, String)? {
    if index > 0 {
      let before = bytes[index - 1]
      guard isSpace(before) || "*_~(\"'".utf8.contains(before) else { return nil }
    }
    guard startsCaseInsensitive(bytes[index...], with: "www.") else { return nil }
    let prefix = "http://"
    let hostStart = index
    guard let hostEnd = domainEnd(bytes, from: hostStart) else { return nil }
    var end = hostEnd
    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
    end = trimmedEnd(bytes, from: hostEnd, to: end)
    let text = String(decoding: bytes[index..<end], as: UTF8.self)
    return (end - index, prefix + text)
  }

  /// Where a valid domain (letters, digits, `-`, `_`, at least one `.`, no `_` in the last two parts) ends.
  private static func domainEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    var dots = 0
    var underscoreInPart = [false]
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") {
        guard index + 1 < bytes.count, isDomainCharacter(bytes[index + 1]) else { break }
        dots += 1
        underscoreInPart.append(false)
      } else if isDomainCharacter(byte) {
        if byte == UInt8(ascii: "_") { underscoreInPart[underscoreInPart.count - 1] = true }
      } else {
        break
      }
      index += 1
    }
    guard index > start, dots > 0, !underscoreInPart.suffix(2).contains(true) else { return nil }
    return index
  }

  /// Trailing punctuation is not part of an address, nor an unbalanced `)`, nor an entity-like `&x;`.
  private static func trimmedEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var end = end
    while end > start {
      let last = bytes[end - 1]
      if "?!.,:*_~'\"".utf8.contains(last) {
        end -= 1
      } else if last == UInt8(ascii: ")") {
        let opened = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
        let closed = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
        guard closed > opened else { break }
        end -= 1
      } else if last == UInt8(ascii: ";") {
        var ampersand = end - 2
        while ampersand >= start, isAlphanumeric(bytes[ampersand]) { ampersand -= 1 }
        guard ampersand >= start, bytes[ampersand] == UInt8(ascii: "&"), ampersand < end - 2 else { break }
        end = ampersand
      } else {
        break
      }
    }
    return end
  }

  // MARK: Strikethrough

  /// One run of tildes in a text node.
  private struct Run {
    var node: OpaquePointer
    var offset: Int
    var length: Int
    var canOpen: Bool
    var canClose: Bool
  }

  /// Pairs tilde runs among the inline children of `container` and wraps what is between each pair in `<del>`.
  private static func strike(in container: OpaquePointer) {
    var runs: [Run] = []
    var child = cmark_node_first_child(container)
    while let node = child {
      if cmark_node_get_type(node) == CMARK_NODE_TEXT { runs += tildeRuns(in: node) }
      child = cmark_node_next(node)
    }
    guard runs.count >= 2 else { return }
    var openers: [Run] = []
    var pairs: [(Run, Run)] = []
    for run in runs {
      if run.canClose, let match = openers.lastIndex(where: { $0.length == run.length }) {
        pairs.append((openers[match], run))
        openers.removeSubrange(match...)
      } else if run.canOpen {
        openers.append(run)
      }
    }
    // From the last pair back, so the offsets of earlier runs stay valid as nodes are split.
    for (opener, closer) in pairs.reversed() { wrap(from: opener, to: closer) }
  }

  private static func tildeRuns(in node: OpaquePointer) -> [Run] {
    guard let literal = cmark_node_get_literal(node) else { return [] }
    let bytes = Array(UnsafeBufferPointer(start: literal, count: strlen(literal))).map { UInt8(bitPattern: $0) }
    guard bytes.contains(UInt8(ascii: "~")) else { return [] }
    var runs: [Run] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "~") else {
        index += 1
        continue
      }
      var end = index
      while end < bytes.count, bytes[end] == UInt8(ascii: "~") { end += 1 }
      if end - index <= 2 {
        let before = index > 0 ? bytes[index - 1] : lastByte(before: node)
        let after = end < bytes.count ? bytes[end] : firstByte(after: node)
        let left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
        let right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
        runs.append(Run(node: node, offset: index, length: end - index, canOpen: left, canClose: right))
      }
      index = end
    }
    return runs
  }

  /// Splits the text nodes at both runs, drops the tildes, and moves what is between them into a `<del>`.
  private static func wrap(from opener: Run, to closer: Run) {
    let (_, closing) = split(closer.node, at: closer.offset, dropping: closer.length)
    let openerNode = opener.node == closer.node ? closing.before : opener.node
    let (_, opening) = split(openerNode, at: opener.offset, dropping: opener.length)
    let del = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, CmarkArena.allocator)!
    cmark_node_set_on_enter(del, "<del>")
    cmark_node_set_on_exit(del, "</del>")
    cmark_node_insert_before(opening.after, del)
    var node: OpaquePointer? = opening.after
    while let current = node, current != closing.after {
      node = cmark_node_next(current)
      cmark_node_append_child(del, current)
    }
  }

  /// `node` split into the text before `offset` and after `offset + length`; both nodes stay in the tree, either
  /// possibly empty.
  private static func split(_ node: OpaquePointer, at offset: Int, dropping length: Int) -> (
    OpaquePointer, (before: OpaquePointer, after: OpaquePointer)
  ) {
    let bytes = Array(
      UnsafeBufferPointer(start: cmark_node_get_literal(node), count: strlen(cmark_node_get_literal(node)))
    )
    .map { UInt8(bitPattern: $0) }
    let after = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena.allocator)!
    cmark_node_set_literal(after, String(decoding: bytes[(offset + length)...], as: UTF8.self))
    cmark_node_insert_after(node, after)
    cmark_node_set_literal(node, String(decoding: bytes[..<offset], as: UTF8.self))
    return (node, (node, after))
  }

  /// The character a neighbouring inline node shows at its edge, as cmark-gfm would have seen it in the source.
  private static func lastByte(before node: OpaquePointer) -> UInt8 {
    guard let previous = cmark_node_previous(node) else { return UInt8(ascii: "\n") }
    return edgeByte(of: previous, last: true)
  }

  private static func firstByte(after node: OpaquePointer) -> UInt8 {
    guard let next = cmark_node_next(node) else { return UInt8(ascii: "\n") }
    return edgeByte(of: next, last: false)
  }

  private static func edgeByte(of node: OpaquePointer, last: Bool) -> UInt8 {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return UInt8(ascii: "\n")
    case CMARK_NODE_CODE: return UInt8(ascii: "`")
    case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return UInt8(ascii: "*")
    case CMARK_NODE_LINK, CMARK_NODE_IMAGE: return last ? UInt8(ascii: ")") : UInt8(ascii: "[")
    case CMARK_NODE_HTML_INLINE: return last ? UInt8(ascii: ">") : UInt8(ascii: "<")
    case CMARK_NODE_TEXT:
      guard let literal = cmark_node_get_literal(node), strlen(literal) > 0 else { return UInt8(ascii: "\n") }
      return UInt8(bitPattern: last ? literal[strlen(literal) - 1] : literal[0])
    default: return UInt8(ascii: "a")
    }
  }

  private static func startsCaseInsensitive(_ bytes: ArraySlice<UInt8>, with prefix: String) -> Bool {
    bytes.count >= prefix.utf8.count && zip(bytes, prefix.utf8).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
  }

  /// ASCII punctuation, and any byte of a non-ASCII character (cmark-gfm counts Unicode punctuation; smart
  /// quotes and dashes are the ones that reach here).
  private static func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte) || byte >= 0x80
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func isDomainCharacter(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
  }
}
