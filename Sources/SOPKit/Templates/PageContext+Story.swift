extension PageContext {
  /// `stories/<slug>.html`: the story with its date, county, region, category, tags and picture.
  func story(_ story: Story) -> [String: Any] {
    var context = base(title: story.title, description: story.summary, kind: .story)
    var values: [String: Any] = [
      "title": story.title, "summary": story.summary, "body": story.body.html, "date": date(story.date),
      "is_local": story.isLocal,
    ]
    if let county = story.county { values["county"] = county }
    if let category = story.category { values["category"] = category }
    if let id = story.categoryID { values["category_href"] = href(.category(id)) }
    if let region = story.region {
      values["region"] = ["name": region.name, "href": href(.contacts) + "#\(region.id)"]
    }
    if let image = story.image { values["image"] = ["href": href(file: image.path), "alt": image.alt] }
    PageContext.list("tags", tags(story.tags), into: &values)
    PageContext.list("roles", roles(story.roles), into: &values)
    context["story"] = values
    return context
  }
}
