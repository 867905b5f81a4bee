/// The YAML block between the two `---` lines at the top of a Markdown file, and the body below it.
///
/// The split works on lines as an editor numbers them (ending at LF, CRLF or a lone CR), so both parts keep their
/// line numbers in the original file.
struct FrontMatter: Sendable {
  let yaml: String
  /// The file line of the block's first YAML line.
  let yamlFirstLine = 2
  /// A slice of the file's text, sharing its storage: a copy of every body held a tenth of a build's memory.
  let body: Substring
  /// The file line of the body's first line.
  let bodyFirstLine: Int

  static func split(_ file: SourceFile) throws(BuildFailure) -> FrontMatter {
    let text = file.text
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var lineNumber = 1
    var yamlStart = utf8.startIndex
    while lineStart < utf8.endIndex {
      let lineEnd = utf8[lineStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
      let line = utf8[lineStart..<lineEnd]
      var next = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
      if lineEnd < utf8.endIndex, utf8[lineEnd] == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A {
        next = utf8.index(after: next)
      }
      if lineNumber == 1 {
        guard isFence(line, allowEnd: false) else { break }
        yamlStart = next
      } else if isFence(line, allowEnd: true) {
        return FrontMatter(
          yaml: String(text[yamlStart..<lineStart]), body: text[next...],
          bodyFirstLine: lineNumber + 1)
      }
      lineStart = next
      lineNumber += 1
    }
    let message =
      lineNumber == 1
      ? "the file must start with front matter: a line '---', the YAML fields, then another '---'"
      : "the front matter that starts on line 1 is never closed: add a line '---' after the last field"
    throw BuildFailure(.error(message, at: SourceLocation(path: file.path)))
  }

  private static func isFence(_ line: Substring.UTF8View, allowEnd: Bool) -> Bool {
    var trimmed = line
    while let last = trimmed.last, last == 0x20 || last == 0x09 {
      trimmed = trimmed.dropLast()
    }
    return trimmed.elementsEqual("---".utf8) || (allowEnd && trimmed.elementsEqual("...".utf8))
  }
}
