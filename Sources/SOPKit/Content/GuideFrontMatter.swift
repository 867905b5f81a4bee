/// The front matter of a quick guide, as written by the editor and type-checked.
struct GuideFrontMatter: Sendable {
  var title: String
  var summary: String
  /// Empty in a translation that takes its roles from the original.
  var roles: [Located<String>]
  var topics: [Located<String>]
  var tags: [Located<String>]
  var updated: SimpleDate?
  var updatedLocation: SourceLocation?
  var draft: Bool
  var attachments: [AttachmentReference]

  /// A translation needs only its title and summary: roles, topics, tags and attachments default to the original's.
  init?(_ fields: YAMLFields, isTranslation: Bool = false) {
    let title = fields.string("title", required: true)
    let summary = fields.summary()
    roles = fields.strings("roles", required: !isTranslation)
    topics = fields.strings("topics")
    tags = fields.strings("tags")
    updated = fields.date("updated")
    updatedLocation = fields.node("updated").map { fields.locate($0.mark) }
    draft = fields.bool("draft") ?? false
    attachments = fields.records("attachments", read: AttachmentReference.init)
    fields.reportUnknownKeys()
    guard let title, let summary else { return nil }
    self.title = title.value
    self.summary = summary
  }
}

/// A file offered for download from a guide (`attachments:`), as written in front matter.
struct AttachmentReference: Sendable {
  var file: Located<String>
  var title: String

  init?(_ fields: YAMLFields) {
    guard let file = fields.string("file", required: true) else { return nil }
    self.file = file
    title = fields.string("title")?.value ?? String(file.value.split(separator: "/").last ?? "")
  }
}

extension YAMLFields {
  /// The most characters a summary may have; the share page counts against it too.
  static let maxSummaryLength = 300

  /// The `summary` field: required, one or two sentences, at most 300 characters.
  func summary(required: Bool = true) -> String? {
    guard let summary = string("summary", required: required) else { return nil }
    if summary.value.count > Self.maxSummaryLength {
      error(
        "'summary' has \(summary.value.count) characters; keep it to at most \(Self.maxSummaryLength) (one or two sentences)",
        at: summary.location)
    }
    return summary.value
  }
}
