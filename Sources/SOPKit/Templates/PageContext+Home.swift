extension PageContext {
  /// The home page: what the toolkit is, an entry per role, the topics, the newest stories.
  func home() -> [String: Any] {
    var context = base(title: "", description: site.settings.description, kind: .home)
    context["role_entries"] = site.settings.roles.map { role in
      let count = site.guides(for: role).count
      return [
        "id": role.id, "name": role.name, "description": role.description, "href": href(.role(role.id)),
        "guide_count": count, "for_name": strings.word("for_role", ["name": role.name]),
        "guide_count_text": strings.word("role_guide_count", ["count": String(count)]),
      ]
        as [String: Any]
    }
    PageContext.list(
      "topics",
      site.settings.topics.map { topic in
        [
          "name": topic.name, "description": topic.description, "href": href(.topic(topic.id)),
          "guide_count": site.guides(for: topic).count,
        ] as [String: Any]
      }, into: &context)
    PageContext.list("stories", site.stories.prefix(3).map(storyItem), into: &context)
    return context
  }
}
