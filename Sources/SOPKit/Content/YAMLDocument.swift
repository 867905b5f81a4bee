import Yams

/// Parses a YAML text (a front-matter block or a data file) into a Yams node tree,
/// turning syntax errors into diagnostics at the right line of the original file.
enum YAMLDocument {
  /// - Parameter firstLine: the file line the YAML text starts on, so marks can be shifted.
  static func parse(_ yaml: String, file: SourceFile, firstLine: Int) throws(BuildFailure)
    -> Node.Mapping
  {
    // Only problems need positions: the map is made for them alone.
    let location = { (mark: Mark?) in locate(mark, lines: LineMap(yaml), path: file.path, firstLine: firstLine) }
    let node: Node?
    do {
      // Naming the encoding spares Yams reading the whole environment for each document.
      node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
    } catch let error as YamlError {
      // An unusual line break is often why the YAML does not parse: said beside the error.
      throw BuildFailure(
        diagnostics: [diagnostic(for: error, location: location, file: file, firstLine: firstLine)]
          + UnusualLineBreak.warnings(in: LineMap(yaml), path: file.path, firstLine: firstLine))
    } catch {
      throw BuildFailure(.error("cannot read the YAML: \(error)", at: location(nil)))
    }
    guard let node else {
      throw BuildFailure(
        .error("the YAML is empty", at: SourceLocation(path: file.path, line: firstLine)))
    }
    guard let mapping = node.mapping else {
      throw BuildFailure(
        .error(
          "expected fields written as 'name: value', found \(describe(node))",
          at: location(node.mark)))
    }
    return mapping
  }

  /// Where a libyaml mark in a YAML text starting on file line `firstLine` is, in the editor's numbering.
  static func locate(_ mark: Mark?, lines: LineMap, path: String, firstLine: Int) -> SourceLocation {
    guard let mark else { return SourceLocation(path: path, line: firstLine) }
    let (line, column) =
      lines.yamlAgreesWithEditor && lines.contains(line: mark.line, column: mark.column)
      ? (mark.line, mark.column) : lines.position(yamlLine: mark.line, scalarColumn: mark.column)
    return SourceLocation(path: path, line: line + firstLine - 1, column: column)
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the text '\(scalar.string)'"
    case .mapping: return "a group of fields"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// What an editor can do about libyaml's most common complaints.
  private static func advice(for problem: String) -> String? {
    let hints: [(String, String)] = [
      ("mapping values are not allowed", "a value contains ': '; put the whole value in quotes"),
      ("cannot start any token", "a value starts with a character YAML reserves (such as @, ` or %); put it in quotes"),
      ("did not find expected key", "check that the fields line up and every quote and bracket is closed"),
      ("did not find expected ',' or ']'", "a list written [a, b] is not closed with ']'"),
      ("did not find expected ',' or '}'", "a group written {a: b} is not closed with '}'"),
      ("found unexpected end of stream", "a quote or bracket is never closed"),
      ("found a tab character", "indent with spaces, not tabs"),
      ("Maximum nesting level", "the lists or groups are nested too deeply"),
    ]
    return hints.first { problem.contains($0.0) }?.1
  }

  private static func diagnostic(
    for error: YamlError, location: (Mark?) -> SourceLocation, file: SourceFile, firstLine: Int
  ) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " (\($0.text) on line \(location($0.mark).line))" } ?? ""
      let advice = Self.advice(for: problem).map { ": \($0)" } ?? ""
      // libyaml's nesting message goes on to name a C function, which means nothing to an editor.
      let summary = problem.components(separatedBy: ", set with").first ?? problem
      return .error("YAML syntax: \(summary)\(detail)\(advice)", at: location(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .error("the field \(keys) is given twice", at: location(context.mark))
    case .reader(let problem, _, _, _):
      return .error("YAML: \(problem)", at: SourceLocation(path: file.path, line: firstLine))
    default:
      return .error("YAML: \(error)", at: SourceLocation(path: file.path, line: firstLine))
    }
  }
}
