/// A template with each `{{t.name}}` written out as its word in one language, HTML-escaped (`{{{t.name}}}`
/// raw), so the words are looked up once per language rather than on every page.
///
/// A lookup costs swift-mustache a walk down the context stack; interface words were a quarter of rendering.
/// A word stays a tag where writing it out could change how the template parses: a word that is empty, blank or
/// holds a line break or braces, and every tag of a template that changes its delimiters.
enum FoldedWords {
  static func fold(_ text: String, words: [String: String]) -> String {
    guard !text.contains("{{=") else { return text }
    return text.replacing(/\{\{(\{?)\s*t\.([A-Za-z0-9_\-]+)\s*(\}?)\}\}/) { match in
      let (tag, open, name, close) = match.output
      guard open.count == close.count, let word = words[String(name)], canFold(word) else { return String(tag) }
      return open.isEmpty ? HTMLEscaping().escapeText(word) : word
    }
  }

  private static func canFold(_ word: String) -> Bool {
    !word.allSatisfy(\.isWhitespace) && !word.contains(where: { $0 == "{" || $0 == "}" || $0.isNewline })
  }
}
