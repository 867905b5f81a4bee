/// One page as the search index sees it: what results show and the text, field by field, that is indexed.
struct SearchDocument: Sendable {
  /// Text under one heading; `id` is the heading's anchor, empty for the text before the first heading.
  struct Section: Sendable {
    var id: String
    var heading: String
    var text: String
  }

  /// The indexed fields, in ranking order; the raw value is the field's place in `SearchIndexBuilder.weights`.
  enum Field: Int, CaseIterable {
    case title, headings, keywords, summary, body
    /// The other names of the glossary terms the title names (`GlossaryExpansion`): a title that says "Child and
    /// Family Team Meetings" is found by "CFTM" as its title would be.
    case glossaryTitle
    /// The other names of the glossary terms only the text names: "child and family team" finds a page that only
    /// says "CFT".
    case glossary
  }

  var path: String
  var title: String
  var kind: SearchKind
  var roleIDs: [String]
  var date: String
  var summary: String
  /// Tags, topic names and role names.
  var keywords: [String]
  var sections: [Section]
  /// The language of an untranslated original listed in another language's index; nil otherwise.
  var language: String?
  /// From a county's overlay: results show it as local.
  var isLocal: Bool
  /// The other names of the glossary terms its title names (the `glossaryTitle` field) and only its text names
  /// (`glossary`).
  var glossaryTitleNames: [String] = []
  var glossaryNames: [String] = []

  init(
    path: String, title: String, kind: SearchKind, roleIDs: [String] = [], date: String = "", summary: String,
    keywords: [String] = [], body: RenderedMarkdown? = nil, sections: [Section] = [], language: String? = nil,
    isLocal: Bool = false
  ) {
    self.language = language
    self.path = path
    self.title = title
    self.kind = kind
    self.roleIDs = roleIDs
    self.date = date
    self.summary = summary
    self.keywords = keywords
    self.isLocal = isLocal
    self.sections =
      sections
      + (body?.sections ?? []).map { Section(id: $0.heading?.id ?? "", heading: $0.heading?.text ?? "", text: $0.text) }
  }
}
