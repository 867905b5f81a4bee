/// The front matter of an about page, as written by the editor and type-checked.
struct PageFrontMatter: Sendable {
  var title: String
  var order: Int
  var summary: String?
  var draft: Bool

  init?(_ fields: YAMLFields) {
    let title = fields.string("title", required: true)
    order = fields.integer("order")?.value ?? Int.max
    summary = fields.summary(required: false)
    draft = fields.bool("draft") ?? false
    fields.reportUnknownKeys()
    guard let title else { return nil }
    self.title = title.value
  }
}
