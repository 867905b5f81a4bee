/// The warning for a body with no text, which names the headings left empty when there are any.
enum EmptyBodyWarning {
  static func message(for body: ParsedMarkdown) -> String {
    let headings = body.headings.map { "'\($0.text)'" }
    if headings.isEmpty { return "the page has no text below its front matter" }
    return "the page has headings but no text: write under \(headings.joined(separator: ", "))"
  }
}
