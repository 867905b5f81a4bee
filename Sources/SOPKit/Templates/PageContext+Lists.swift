import Foundation

extension PageContext {
  /// `guides/index.html`: every guide A to Z, grouped by first letter with jump links.
  func guideIndex() -> [String: Any] {
    var context = base(title: "", description: "", kind: .guideIndex)
    var groups: [(letter: String, guides: [[String: Any]])] = []
    // Folding is slow and titles start with few characters.
    var letters: [Character: String] = [:]
    for guide in site.guides {
      let letter =
        guide.title.first.map { character in
          if let known = letters[character] { return known }
          let first = String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .uppercased()
          let letter = first.first?.isLetter == true ? first : "#"
          letters[character] = letter
          return letter
        } ?? "#"
      if groups.last?.letter != letter { groups.append((letter, [])) }
      groups[groups.count - 1].guides.append(guideItem(guide))
    }
    PageContext.list(
      "letters",
      groups.map { group in
        [
          "letter": group.letter, "id": group.letter == "#" ? "letter-other" : "letter-\(group.letter.lowercased())",
          "guides": group.guides,
        ] as [String: Any]
      }, into: &context)
    context["guide_count"] = site.guides.count
    context["guide_count_text"] = strings.word("guide_count_lead", ["count": String(site.guides.count)])
    return context
  }

  /// `stories/index.html`: every story, newest first.
  func storyIndex() -> [String: Any] {
    var context = base(title: "", description: "", kind: .storyIndex)
    PageContext.list("stories", site.stories.map(storyItem), into: &context)
    PageContext.list(
      "categories",
      site.settings.categories.map { category in
        ["name": category.name, "href": href(.category(category.id)), "count": site.stories(in: category).count]
      }, into: &context)
    return context
  }

  /// `categories/<id>.html`: one category's stories, newest first, with its own feed.
  func category(_ category: StoryCategory) -> [String: Any] {
    var context = base(title: category.name, description: category.description, kind: .category)
    context["category"] = [
      "id": category.id, "name": category.name, "description": category.description,
      "feed": root + Route.categoryFeed(category.id).path,
      "feed_label": strings.word("category_feed", ["name": category.name]),
    ]
    PageContext.list("stories", site.stories(in: category).map(storyItem), into: &context)
    return context
  }

  /// `roles/<id>.html`: the guides and stories for one role.
  func role(_ role: Role) -> [String: Any] {
    var context = base(title: role.name, description: role.description, kind: .role)
    context["role"] = [
      "id": role.id, "name": role.name, "description": role.description,
      "for_name": strings.word("for_role", ["name": role.name]),
    ]
    PageContext.list("guides", site.guides(for: role).map(guideItem), into: &context)
    PageContext.list("stories", site.stories(for: role).map(storyItem), into: &context)
    return context
  }

  /// `topics/<id>.html`: the guides on one topic.
  func topic(_ topic: Topic) -> [String: Any] {
    var context = base(title: topic.name, description: topic.description, kind: .topic)
    context["topic"] = ["id": topic.id, "name": topic.name, "description": topic.description]
    PageContext.list("guides", site.guides(for: topic).map(guideItem), into: &context)
    return context
  }

  /// `tags/<slug>.html`: the guides and stories with one tag (`guides`, A to Z).
  func tag(_ tag: Tag, guides: [Guide]) -> [String: Any] {
    var context = base(title: tag.name, description: "", kind: .tag)
    context["tag"] = ["name": tag.name]
    PageContext.list("guides", guides.map(guideItem), into: &context)
    PageContext.list("stories", site.stories(for: tag).map(storyItem), into: &context)
    return context
  }
}
