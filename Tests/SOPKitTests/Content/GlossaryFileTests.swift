import Testing

@testable import SOPKit

/// `glossary.yaml`: terms with acronyms, synonyms and translations; every mistake named at its line and column.
struct GlossaryFileTests {
  func read(_ text: String) throws(BuildFailure) -> Checked<[GlossaryTerm]> {
    try GlossaryFile.read(SourceFile(path: "Content/glossary.yaml", text: text), languages: ["es"])
  }

  /// Every diagnostic of a file that should not load, as `sopkit build` prints them.
  func failures(_ text: String) -> [String] {
    do {
      let read = try read(text)
      return read.diagnostics.map(\.description)
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func readsTermsWithAcronymsSynonymsAndTranslations() throws {
    let read = try read(
      """
      terms:
        - id: cftm
          term: Child and Family Team Meeting
          acronyms: [CFTM]
          synonyms: [family team meeting]
          definition: >-
            A meeting of the team
            around a child.
          translations:
            es:
              term: Reunión del Equipo del Niño y la Familia
              synonyms: [reunión de equipo]
      """)
    #expect(read.diagnostics.isEmpty)
    let term = try #require(read.value.first)
    #expect(term.names == ["Child and Family Team Meeting", "CFTM", "family team meeting"])
    #expect(term.definition == "A meeting of the team around a child.")
    let spanish = term.localized("es")
    #expect(spanish.names == ["Reunión del Equipo del Niño y la Familia", "CFTM", "reunión de equipo"])
    #expect(spanish.definition == term.definition)
  }

  @Test func duplicateIdsAndAcronymsAreErrorsAtTheirPlace() {
    let errors = failures(
      """
      terms:
        - id: cft
          term: Child and Family Team
          acronyms: [CFT]
          definition: One.
        - id: cft
          term: Something else
          acronyms: [cft]
          definition: Two.
      """)
    #expect(
      errors.contains(
        "Content/glossary.yaml:6:9: error: the glossary id 'cft' is already used at Content/glossary.yaml:2:9"))
    #expect(
      errors.contains(
        "Content/glossary.yaml:8:16: error: the acronym 'cft' is already given to 'cft' at Content/glossary.yaml:4:16"))
  }

  @Test func missingFieldsBadIdsUnknownLanguagesAndTwoParagraphsAreErrors() {
    let errors = failures(
      """
      terms:
        - id: Bad Id
          term: T
          acronyms: [A B]
          definition: "One.\\n\\nTwo."
          translations:
            fr:
              term: X
        - id: no-definition
          term: U
      """)
    #expect(errors.contains { $0.hasPrefix("Content/glossary.yaml:2:9: error: the glossary id 'Bad Id'") })
    #expect(errors.contains { $0.hasPrefix("Content/glossary.yaml:4:16: error: the acronym 'A B' has a space") })
    #expect(errors.contains { $0.hasPrefix("Content/glossary.yaml:5:17: error: a definition is one paragraph") })
    #expect(
      errors.contains { $0.hasPrefix("Content/glossary.yaml:7:7: error: 'fr' is not one of the site's languages") },
      "\(errors)")
    #expect(errors.contains { $0.contains("error: missing required field 'definition'") }, "\(errors)")
  }
}
