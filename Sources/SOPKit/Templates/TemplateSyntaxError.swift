import Mustache

/// A swift-mustache parse error said for a template author, at its place in the editor's numbering.
///
/// swift-mustache counts a line at every Character that `isNewline` (also NEL, U+2028, U+2029, VT and FF, with
/// `\r\n` as one), and its column counts Characters back to the last plain `\n`; both are translated back to the
/// place in the file.
enum TemplateSyntaxError {
  static func diagnostic(_ error: MustacheTemplate.ParserError, in file: SourceFile, lines: LineMap) -> Diagnostic {
    // The content-type pragma takes the first line of what swift-mustache reads.
    let offset = offset(in: file.text, line: error.context.lineNumber - 1, column: error.context.columnNumber)
    let (line, column) = lines.position(ofOffset: offset)
    return .error(
      "template syntax: \(describe(error.error))", at: SourceLocation(path: file.path, line: line, column: column))
  }

  /// The UTF-8 offset of swift-mustache's line and column in `text`.
  static func offset(in text: String, line: Int, column: Int) -> Int {
    var currentLine = 1
    var origin = text.startIndex
    var index = text.startIndex
    while currentLine < line, index < text.endIndex {
      let character = text[index]
      index = text.index(after: index)
      if character.isNewline { currentLine += 1 }
      if character == "\n" { origin = index }
    }
    let position = text.index(origin, offsetBy: max(column - 1, 0), limitedBy: text.endIndex) ?? text.endIndex
    return text.utf8.distance(from: text.startIndex, to: position)
  }

  private static func describe(_ error: any Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
    case .unfinishedName: return "a tag is not closed with '}}', or its name holds a character names cannot have"
    case .expectedSectionEnd: return "a section is opened with {{#name}} but never closed with {{/name}}"
    case .invalidSetDelimiter: return "invalid delimiter change"
    case .some(let error): return "\(error)"
    case nil: break
    }
    return "\(error)" == "overflow" ? "the template ends inside a tag" : "\(error)"
  }
}
