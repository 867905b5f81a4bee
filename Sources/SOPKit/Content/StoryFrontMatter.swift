/// The front matter of a story from the field, as written by the editor and type-checked.
struct StoryFrontMatter: Sendable {
  var title: String
  /// Nil only in a translation that takes its date from the original.
  var date: SimpleDate?
  var summary: String
  var county: String?
  var region: Located<String>?
  var category: Located<String>?
  var tags: [Located<String>]
  var roles: [Located<String>]
  var image: Located<String>?
  var imageAlt: String?
  var draft: Bool

  init?(_ fields: YAMLFields, isTranslation: Bool = false) {
    let title = fields.string("title", required: true)
    let date = fields.date("date", required: !isTranslation)
    let summary = fields.summary()
    county = fields.string("county")?.value
    region = fields.string("region")
    category = fields.string("category")
    tags = fields.strings("tags")
    roles = fields.strings("roles")
    image = fields.string("image")
    imageAlt = fields.string("image_alt")?.value
    draft = fields.bool("draft") ?? false
    if let image, imageAlt == nil {
      fields.error(
        "'image' needs 'image_alt': a short description of the picture for people who cannot see it",
        at: image.location)
    }
    fields.reportUnknownKeys()
    guard let title, let summary, date != nil || isTranslation else { return nil }
    self.title = title.value
    self.date = date
    self.summary = summary
  }
}
