import Mustache
import Synchronization

/// The templates with page-independent values written in (`FoldedValues`), parsed on first use for each set
/// of values and kept for the build: one per language, and one per language and page folder.
final class FoldedLibraries: Sendable {
  /// The parsed templates as written, and their text.
  private let written: [String: MustacheTemplate]
  private let texts: [String: String]
  /// Libraries by key and by values: keys that turn out to have the same values share one.
  private let libraries = Mutex<(byKey: [String: MustacheLibrary], byValues: [[String: String]: MustacheLibrary])>(
    ([:], [:]))

  init(written: [String: MustacheTemplate], texts: [String: String]) {
    self.written = written
    self.texts = texts
  }

  /// The templates with `values()` written in, under `key`: equal keys must mean equal values.
  func library(key: String, values: () -> [String: String]) -> MustacheLibrary {
    libraries.withLock { libraries in
      if let library = libraries.byKey[key] { return library }
      let values = values()
      let library = libraries.byValues[values] ?? fold(values)
      libraries.byKey[key] = library
      libraries.byValues[values] = library
      return library
    }
  }

  private func fold(_ values: [String: String]) -> MustacheLibrary {
    var templates = written
    for (name, text) in texts {
      let folded = FoldedValues.fold(text, values: values)
      // Folding leaves a template that parses; should one not, the template as written stays.
      if folded != text, let parsed = try? TemplateChunks.parse(folded, name: name, prefix: HTMLEscaping.pragma) {
        templates.merge(parsed) { $1 }
      }
    }
    return MustacheLibrary(templates: templates)
  }
}
