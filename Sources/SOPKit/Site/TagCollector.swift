/// Gathers the free-word tags of every guide and story, merging spellings that share a slug.
struct TagCollector {
  private var bySlug: [String: Tag] = [:]
  /// Each spelling met so far and its slug: most tags are written the same way on many pages.
  private var slugOf: [String: String] = [:]

  mutating func resolve(_ names: [Located<String>], diagnostics: inout DiagnosticCollector) -> [Tag] {
    var tags: [Tag] = []
    for name in names {
      let slug = slugOf[name.value] ?? Slug.make(from: name.value)
      slugOf[name.value] = slug
      guard !slug.isEmpty else {
        diagnostics.error("the tag '\(name.value)' needs at least one letter or digit", at: name.location)
        continue
      }
      let tag = bySlug[slug] ?? Tag(slug: slug, name: name.value)
      bySlug[slug] = tag
      if !tags.contains(tag) { tags.append(tag) }
    }
    return tags
  }

  var all: [Tag] { bySlug.values.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) } }
}
