import Testing

@testable import SOPKit

/// Acronyms and synonyms both ways: a page is indexed under the other names of the glossary terms it names.
struct GlossaryExpansionTests {
  let glossary = [
    GlossaryTerm(id: "cft", term: "Child and Family Team", acronyms: ["CFT"], synonyms: [], definition: "."),
    GlossaryTerm(
      id: "cftm", term: "Child and Family Team Meeting", acronyms: ["CFTM"], synonyms: ["family team meeting"],
      definition: "."),
  ]

  func expanded(title: String, text: String) -> SearchDocument {
    let document = SearchDocument(
      path: "p.html", title: title, kind: .guide, summary: "",
      sections: [SearchDocument.Section(id: "", heading: "", text: text)])
    let expansion = GlossaryExpansion(glossary, tokenizer: Tokenizer(stemmer: EnglishStemmer()))
    return expansion.expand([document])[0]
  }

  @Test func aPageThatSaysTheAcronymIsFoundByTheTerm() {
    let document = expanded(title: "Planning", text: "Invite the whole CFT early.")
    #expect(document.glossaryNames == ["Child and Family Team"])
    #expect(document.glossaryTitleNames.isEmpty)
  }

  @Test func aTitleThatNamesATermInAnyFormIsFoundByItsAcronymLikeATitle() {
    let document = expanded(title: "Child and Family Team Meetings", text: "How a CFT meets.")
    #expect(document.glossaryTitleNames == ["CFTM"], "\"family team meeting\" is in the title")
    #expect(document.glossaryNames.isEmpty, "the CFT entry is named in the title too, and its names are all used")
  }

  @Test func aPageThatNamesNoTermGetsNothing() {
    let document = expanded(title: "Safety", text: "Family and team are words, not names.")
    #expect(document.glossaryNames.isEmpty && document.glossaryTitleNames.isEmpty)
  }
}
