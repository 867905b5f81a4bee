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
