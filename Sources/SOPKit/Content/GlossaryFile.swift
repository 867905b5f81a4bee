import Foundation

/// Reads `Content/glossary.yaml`: a `terms:` list, each with an `id`, a `term`, optional `acronyms` and `synonyms`,
/// a one-paragraph Markdown `definition`, and `translations` keyed by the site's language ids.
enum GlossaryFile {
  static func read(_ file: SourceFile, languages: Set<String>) throws(BuildFailure) -> Checked<[GlossaryTerm]> {
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let terms = fields.records("terms") { readTerm($0, languages: languages) }
    fields.reportUnknownKeys()
    var ids: [String: SourceLocation] = [:]
    var acronyms: [String: (id: String, at: SourceLocation)] = [:]
    for term in terms {
      if let first = ids[term.value.id] {
        fields.error("the glossary id '\(term.value.id)' is already used at \(first)", at: term.location)
      } else {
        ids[term.value.id] = term.location
      }
      for acronym in term.acronyms {
        if let first = acronyms[acronym.value.uppercased()] {
          fields.error(
            "the acronym '\(acronym.value)' is already given to '\(first.id)' at \(first.at)", at: acronym.location)
        } else {
          acronyms[acronym.value.uppercased()] = (term.value.id, acronym.location)
        }
      }
    }
    return Checked(value: terms.map(\.value), diagnostics: try fields.diagnostics.finish())
  }

  /// One term with where it and its acronyms are written, for the checks across terms.
  private struct ReadTerm {
    var value: GlossaryTerm
    var location: SourceLocation
    var acronyms: [Located<String>]
  }

  private static func readTerm(_ entry: YAMLFields, languages: Set<String>) -> ReadTerm? {
    let id = entry.string("id", required: true)
    let term = entry.string("term", required: true)
    let acronyms = entry.strings("acronyms")
    let synonyms = entry.strings("synonyms")
    let definition = entry.string("definition", required: true)
    if let id, !Slug.isValid(id.value) {
      entry.error("the glossary id '\(id.value)' must use only lowercase letters, digits and '-'", at: id.location)
    }
    for acronym in acronyms where acronym.value.contains(where: \.isWhitespace) {
      entry.error(
        "the acronym '\(acronym.value)' has a space in it; list each acronym on its own", at: acronym.location)
    }
    if let definition { checkOneParagraph(definition, in: entry) }
    let translations = entry.translations(languages: languages) { fields -> GlossaryTerm.Translation? in
      let term = fields.string("term", required: true)
      let acronyms = fields.node("acronyms") == nil ? nil : fields.strings("acronyms").map(\.value)
      let synonyms = fields.strings("synonyms").map(\.value)
      let definition = fields.string("definition")
      if let definition { checkOneParagraph(definition, in: fields) }
      fields.reportUnknownKeys()
      return term.map {
        GlossaryTerm.Translation(term: $0.value, acronyms: acronyms, synonyms: synonyms, definition: definition?.value)
      }
    }
    guard let id, let term, let definition else { return nil }
    return ReadTerm(
      value: GlossaryTerm(
        id: id.value, term: term.value, acronyms: acronyms.map(\.value), synonyms: synonyms.map(\.value),
        definition: definition.value, translations: translations),
      location: id.location, acronyms: acronyms)
  }

  /// A definition is shown inline (in a list and in `<abbr title>`), so it is one paragraph.
  private static func checkOneParagraph(_ definition: Located<String>, in fields: YAMLFields) {
    let lines = definition.value.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "\n", omittingEmptySubsequences: false)
    if lines.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
      fields.error("a definition is one paragraph: remove the blank line", at: definition.location)
    }
  }
}
