import CCmark
import Glibc

/// GFM's footnotes: `text[^1]` with a paragraph `[^1]: the note` anywhere in the page become a numbered
/// reference and a list of notes at the end of the page, each with links back, as cmark-gfm writes them.
///
/// Made in the tree cmark parsed: a definition is a paragraph (or a line of one) that starts `[^label]:`, or,
/// for a one-word note, the link definition CommonMark reads it as. A note is one paragraph; labels are
/// letters, digits, `-`, `_` and `.`; a reference to no note, and a note no reference uses, stay as written.
enum Footnotes {
  private struct Note {
    var label: String
    var paragraph: OpaquePointer
    var number = 0
    var references = 0
  }

  static func apply(to document: OpaquePointer) {
    cmark_consolidate_text_nodes(document)
    var notes: [String: Note] = [:]
    var order: [String] = []
    var paragraphs: [OpaquePointer] = []
    var links: [OpaquePointer] = []
    var texts: [OpaquePointer] = []
    let iterator = cmark_iter_new(document)
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_PARAGRAPH: paragraphs.append(node)
      case CMARK_NODE_LINK: links.append(node)
      case CMARK_NODE_TEXT: texts.append(node)
      default: break
      }
    }
    cmark_iter_free(iterator)

    for paragraph in paragraphs {
      for (label, note) in definitions(splitting: paragraph) where notes[label.lowercased()] == nil {
        notes[label.lowercased()] = Note(label: label, paragraph: note)
      }
    }
    // A one-word note is a link definition to CommonMark: its "address" is the note.
    for link in links {
      guard let label = referenceLabel(of: link), notes[label.lowercased()] == nil,
        let url = cmark_node_get_url(link), strlen(url) > 0
      else { continue }
      let paragraph = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena.allocator)!
      cmark_node_append_child(paragraph, text(String(cString: url)))
      notes[label.lowercased()] = Note(label: label, paragraph: paragraph)
    }
    if notes.isEmpty { return }

    func reference(_ label: String) -> OpaquePointer? {
      let key = label.lowercased()
      guard var note = notes[key] else { return nil }
      if note.number == 0 {
        order.append(key)
        note.number = order.count
      }
      note.references += 1
      notes[key] = note
      let id = "fnref-\(note.label)" + (note.references > 1 ? "-\(note.references)" : "")
      return inline(
        "<sup class=\"footnote-ref\"><a href=\"#fn-\(note.label)\" id=\"\(id)\" data-footnote-ref>\(note.number)",
        "</a></sup>")
    }
    for text in texts where cmark_node_parent(text) != nil && !isInsideDefinition(text, notes: notes) {
      replaceReferences(in: text, with: reference)
    }
    for link in links {
      guard let label = referenceLabel(of: link), let sup = reference(label) else { continue }
      cmark_node_insert_before(link, sup)
      cmark_node_free(link)
    }
    for note in notes.values where note.number == 0 { cmark_node_free(note.paragraph) }
    guard !order.isEmpty else { return }

    let section = block("<section class=\"footnotes\" data-footnotes>\n<ol>", "</ol>\n</section>")
    for key in order {
      guard let note = notes[key] else { continue }
      let item = block("<li id=\"fn-\(note.label)\">", "</li>")
      cmark_node_append_child(item, note.paragraph)
      for index in 1...note.references {
        let id = "fnref-\(note.label)" + (index > 1 ? "-\(index)" : "")
        cmark_node_append_child(note.paragraph, text(" "))
        let back = inline(
          "<a href=\"#\(id)\" class=\"footnote-backref\" data-footnote-backref>↩"
            + (index > 1 ? "<sup class=\"footnote-ref\">\(index)</sup>" : ""), "</a>")
        cmark_node_append_child(note.paragraph, back)
      }
      cmark_node_append_child(section, item)
    }
    cmark_node_append_child(document, section)
  }

  /// The notes a paragraph defines, each moved out of the tree into a paragraph of its own: the paragraph
  /// itself when it starts `[^label]:`, and a new one for each later line that starts so.
  private static func definitions(splitting paragraph: OpaquePointer) -> [(String, OpaquePointer)] {
    guard let first = cmark_node_first_child(paragraph), let label = stripLabel(first) else { return [] }
    var found = [(label, paragraph)]
    var target = paragraph
    var child = cmark_node_next(first)
    while let node = child {
      child = cmark_node_next(node)
      if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK, let next = child, let label = stripLabel(next) {
        target = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena.allocator)!
        found.append((label, target))
        cmark_node_free(node)
      } else if target != paragraph {
        cmark_node_append_child(target, node)
      }
    }
    cmark_node_unlink(paragraph)
    return found
  }

  /// The label of a text node that starts `[^label]:`, which is then cut from it.
  private static func stripLabel(_ node: OpaquePointer) -> String? {
    guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return nil }
    let text = String(cString: literal)
    guard text.hasPrefix("[^"), let close = text.firstIndex(of: "]") else { return nil }
    let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
    let rest = text[text.index(after: close)...]
    guard isLabel(label), rest.hasPrefix(":") else { return nil }
    cmark_node_set_literal(node, String(rest.dropFirst().drop { $0 == " " || $0 == "\t" }))
    return String(label)
  }

  /// The label of a link written `[^label]`.
  private static func referenceLabel(of link: OpaquePointer) -> String? {
    guard let text = cmark_node_first_child(link), cmark_node_next(text) == nil,
      cmark_node_get_type(text) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(text)
    else { return nil }
    let label = String(cString: literal)
    guard label.hasPrefix("^"), isLabel(label.dropFirst()) else { return nil }
    return String(label.dropFirst())
  }

  private static func isLabel(_ label: Substring) -> Bool {
    !label.isEmpty
      && label.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
      }
  }

  private static func isInsideDefinition(_ node: OpaquePointer, notes: [String: Note]) -> Bool {
    var parent = cmark_node_parent(node)
    while let ancestor = parent {
      if notes.values.contains(where: { $0.paragraph == ancestor }) { return true }
      parent = cmark_node_parent(ancestor)
    }
    return false
  }

  /// Splits a text node around each `[^label]` that `reference` makes a node for.
  private static func replaceReferences(in node: OpaquePointer, with reference: (String) -> OpaquePointer?) {
    guard let literal = cmark_node_get_literal(node) else { return }
    let text = String(cString: literal)
    guard text.contains("[^") else { return }
    var pieces: [OpaquePointer] = []
    var rest = text[...]
    var plain = ""
    while let open = rest.range(of: "[^") {
      plain += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      if let close = after.firstIndex(of: "]"), isLabel(after[..<close]), let sup = reference(String(after[..<close])) {
        if !plain.isEmpty { pieces.append(self.text(plain)) }
        plain = ""
        pieces.append(sup)
        rest = after[after.index(after: close)...]
      } else {
        plain += "[^"
        rest = after
      }
    }
    plain += rest
    guard !pieces.isEmpty else { return }
    if !plain.isEmpty { pieces.append(self.text(plain)) }
    for piece in pieces { cmark_node_insert_before(node, piece) }
    cmark_node_free(node)
  }

  private static func text(_ literal: String) -> OpaquePointer {
    let node = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena.allocator)!
    cmark_node_set_literal(node, literal)
    return node
  }

  private static func inline(_ open: String, _ close: String) -> OpaquePointer {
    let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, CmarkArena.allocator)!
    cmark_node_set_on_enter(node, open)
    cmark_node_set_on_exit(node, close)
    return node
  }

  private static func block(_ open: String, _ close: String) -> OpaquePointer {
    let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.allocator)!
    cmark_node_set_on_enter(node, open)
    cmark_node_set_on_exit(node, close)
    return node
  }
}
