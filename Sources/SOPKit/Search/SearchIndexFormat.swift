/// The one definition of what the search index's files hold, shared with the browser: `search/index.js` carries
/// these names (its `format`), and Public/js/search-engine.js reads records, sections and roles by name through
/// them, never by position. `SearchFormatContractTests` reads both sides.
enum SearchIndexFormat {
  /// A document's record (`search/docs-N.js`), written as an array in this order.
  enum RecordField: String, CaseIterable {
    case path, title, kind, roles, date, summary, sections
    /// An untranslated original's language in another language's index; null otherwise.
    case language
    /// 1 for a page from a county's overlay, 0 otherwise.
    case local
  }

  /// One section of a record's `sections`, written as an array in this order.
  enum SectionField: String, CaseIterable {
    case anchor, heading, text
  }

  /// One of `index.js`'s `roles`, written as an array in this order.
  enum RoleField: String, CaseIterable {
    case id, name
  }

  /// The bits of a document's filter that hold its kind; the bits above hold its roles, one per role in
  /// `index.js`'s `roles`.
  static let filterKindBits = 3

  /// A query word may be corrected (when nothing starts with it) by one edit from `correctionLengths[0]` letters
  /// and by two from `correctionLengths[1]`; shorter words are never corrected.
  static let correctionLengths = [4, 7]

  /// A document's filter: its kind in the low `filterKindBits` bits, its roles' bits above.
  static func filter(kind: SearchKind, roleIndices: [Int]) -> Int {
    kind.rawValue + (roleIndices.reduce(0) { $0 | (1 << $1) } << filterKindBits)
  }

  /// `"format":{...}`, the names the browser reads records, sections and roles by.
  static func write(to writer: inout JSONWriter) {
    writer.raw("\"format\":{\"record\":")
    writer.list(RecordField.allCases) { $0.string($1.rawValue) }
    writer.raw(",\"section\":")
    writer.list(SectionField.allCases) { $0.string($1.rawValue) }
    writer.raw(",\"role\":")
    writer.list(RoleField.allCases) { $0.string($1.rawValue) }
    writer.raw(",\"filterKindBits\":")
    writer.number(filterKindBits)
    writer.raw(",\"correctionLengths\":")
    writer.list(correctionLengths) { $0.number($1) }
    writer.raw("}")
  }
}

/// What a search result is; `index.js` lists the names in this order, and templates label them (`kind-guide`, ...).
enum SearchKind: Int, CaseIterable, Sendable {
  case guide, story, page, contacts

  var name: String { "\(self)" }
}
