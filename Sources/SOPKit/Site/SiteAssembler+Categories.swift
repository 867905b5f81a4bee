extension SiteAssembler {
  /// The site.yaml category a story's `category` names, by id or by name in any language; nil with a warning
  /// ("did you mean") when site.yaml lists categories and it names none, and nil without one when it lists none,
  /// so the text stays a free label as before.
  func storyCategory(_ text: Located<String>?, diagnostics: inout DiagnosticCollector) -> StoryCategory? {
    let categories = content.settings.categories
    guard let text, !categories.isEmpty else { return nil }
    let wanted = text.value.lowercased()
    func names(_ category: StoryCategory) -> [String] {
      [category.id, category.name] + category.translations.values.map(\.name)
    }
    if let found = categories.first(where: { names($0).contains { $0.lowercased() == wanted } }) { return found }
    let hint = DidYouMean.hint(for: text.value, among: categories.flatMap(names))
    diagnostics.warning(
      "the category '\(text.value)' is none of the categories in \(content.settingsPath)\(hint); the story is left off every category page",
      at: text.location)
    return nil
  }
}
