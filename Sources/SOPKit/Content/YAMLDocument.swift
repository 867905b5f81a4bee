import Yams

/// Parses a YAML text (a front-matter block or a data file) into a Yams node tree,
/// turning syntax errors into diagnostics at the right line of the original file.
enum YAMLDocument {
  /// - Parameter firstLine: the file line the YAML text starts on, so marks can be shifted.
  static func parse(_ yaml: String, file: SourceFile, firstLine: Int) throws(BuildFailure)
    -> Node.Mapping
  {
    let location = { (mark: Mark?) in
      SourceLocation(path: file.path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw BuildFailure(diagnostic(for: error, location: location, file: file, firstLine: firstLine))
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

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the text '\(scalar.string)'"
    case .mapping: return "a group of fields"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  private static func diagnostic(
    for error: YamlError, location: (Mark?) -> SourceLocation, file: SourceFile, firstLine: Int
  ) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " (\($0.text) on line \($0.mark.line + firstLine - 1))" } ?? ""
      return .error("YAML syntax: \(problem)\(detail)", at: location(mark))
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
