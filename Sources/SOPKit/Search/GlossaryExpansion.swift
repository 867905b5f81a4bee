/// Acronyms and synonyms both ways: a document that names a glossary term in one of its ways (its term, an acronym
/// or a synonym) is indexed under the others too, so `CFTM` finds the page that says "CFT" and
/// `child and family team` the page that only says "CFT".
///
/// Names are compared as index terms, so "Child and Family Team Meetings" names the term "Child and Family Team
/// Meeting".
struct GlossaryExpansion {
  private typealias Terms = [Int32]

  /// Each name of each glossary term, as index terms, by its first term: (the name's terms, the glossary entry).
  private let namesByFirstTerm: [Int32: [(terms: Terms, entry: Int)]]
  /// Each glossary entry's names, and each name's terms, in the same order.
  private let names: [[String]]
  private let nameTerms: [[Terms]]
  private let tokenizer: Tokenizer

  init(_ glossary: [GlossaryTerm], tokenizer: Tokenizer) {
    self.tokenizer = tokenizer
    names = glossary.map(\.names)
    nameTerms = names.map { $0.map { Self.terms(of: $0, tokenizer: tokenizer) } }
    var byFirst: [Int32: [(terms: Terms, entry: Int)]] = [:]
    for (entry, terms) in nameTerms.enumerated() {
      for name in terms where !name.isEmpty { byFirst[name[0], default: []].append((name, entry)) }
    }
    namesByFirstTerm = byFirst
  }

  /// `documents`, each with the other names of the glossary terms it names.
  func expand(_ documents: [SearchDocument]) -> [SearchDocument] {
    guard !names.isEmpty else { return documents }
    return documents.parallelMap { document in
      var document = document
      (document.glossaryTitleNames, document.glossaryNames) = otherNames(namedIn: document)
      return document
    }
  }

  /// The names of the glossary terms `document` names that it does not use itself: those of the terms its title
  /// names, and those of the terms only its text names.
  private func otherNames(namedIn document: SearchDocument) -> (title: [String], text: [String]) {
    var used: [Int: Set<Terms>] = [:]
    var inTitle = Set<Int>()
    let texts = [document.title, document.summary] + document.sections.flatMap { [$0.heading, $0.text] }
    var words: [Tokenizer.WordTerms] = []
    for (place, text) in texts.enumerated() {
      words.removeAll(keepingCapacity: true)
      tokenizer.appendWordTerms(of: text, to: &words)
      let terms = words.map(\.term)
      for start in terms.indices {
        for name in namesByFirstTerm[terms[start]] ?? [] where terms[start...].starts(with: name.terms) {
          used[name.entry, default: []].insert(name.terms)
          if place == 0 { inTitle.insert(name.entry) }
        }
      }
    }
    func others(_ entries: [Int]) -> [String] {
      entries.flatMap { entry in
        zip(names[entry], nameTerms[entry]).filter { !used[entry]!.contains($0.1) }.map(\.0)
      }
    }
    let entries = used.keys.sorted()
    return (others(entries.filter(inTitle.contains)), others(entries.filter { !inTitle.contains($0) }))
  }

  private static func terms(of name: String, tokenizer: Tokenizer) -> Terms {
    var words: [Tokenizer.WordTerms] = []
    tokenizer.appendWordTerms(of: name, to: &words)
    return words.map(\.term)
  }
}
