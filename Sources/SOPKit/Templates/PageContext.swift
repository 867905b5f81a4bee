/// Builds the Mustache context of one page: the values every layout needs plus the page kind's own.
///
/// This is the one place where the site model becomes template values; every href is relative to the page.
struct PageContext {
  let site: Site
  let strings: TemplateStrings
  let route: Route
  let root: String

  init(site: Site, strings: TemplateStrings, route: Route) {
    self.site = site
    self.strings = strings
    self.route = route
    self.root = RelativeLink.root(from: route.path)
  }

  func href(_ target: Route) -> String { root + target.path }
  func href(file path: String) -> String { root + RelativeLink.encode(path) }

  /// The values of the layout: language, titles, navigation and links to the site's main pages.
  func base(title: String, description: String, kind: String) -> [String: Any] {
    let settings = site.settings
    var context: [String: Any] = [
      "lang": settings.language,
      "root": root,
      "title": title,
      "description": description.isEmpty ? settings.description : description,
      "kind": kind,
      "is_\(kind.replacingOccurrences(of: "-", with: "_"))": true,
      "site": [
        "title": settings.title, "description": settings.description,
      ].merging(settings.submitURL.map { ["submit_url": $0] } ?? [:]) { $1 },
      "links": [
        "home": href(.home), "guides": href(.guideIndex), "stories": href(.storyIndex),
        "contacts": href(.contacts), "search": href(.search), "feed": href(.feed),
        "css": root + "css/site.css",
      ],
      "roles": site.settings.roles.map { role in
        [
          "id": role.id, "name": role.name, "description": role.description, "href": href(.role(role.id)),
          "current": route == .role(role.id),
        ] as [String: Any]
      },
      "pages": site.pages.map { page in
        ["title": page.title, "href": href(page.route), "current": route == page.route] as [String: Any]
      },
      "current": [
        "home": route == .home, "guides": route == .guideIndex, "stories": route == .storyIndex,
        "contacts": route == .contacts, "search": route == .search,
      ],
    ]
    if let url = settings.url, route != .notFound { context["canonical"] = url + route.path }
    if let local = settings.local {
      var values: [String: Any] = [:]
      if let county = local.county { values["county"] = county }
      if let notice = local.notice { values["notice"] = notice }
      if let logo = local.logo { values["logo"] = href(file: logo) }
      if !values.isEmpty { context["local"] = values }
    }
    if let stamp = site.stamp {
      var values: [String: Any] = ["fingerprint": stamp.fingerprint]
      if let day = stamp.date { values["date"] = date(day) }
      if let version = stamp.version { values["version"] = version }
      context["build"] = values
    }
    return context
  }

  func date(_ date: SimpleDate) -> [String: Any] {
    ["text": strings.format(date), "iso": date.description]
  }

  func roles(_ roles: [Role]) -> [[String: Any]] {
    roles.map { ["id": $0.id, "name": $0.name, "href": href(.role($0.id))] }
  }

  func topics(_ topics: [Topic]) -> [[String: Any]] {
    topics.map { ["id": $0.id, "name": $0.name, "href": href(.topic($0.id))] }
  }

  func tags(_ tags: [Tag]) -> [[String: Any]] {
    tags.map { ["name": $0.name, "href": href(.tag($0.slug))] }
  }

  func guideItem(_ guide: Guide) -> [String: Any] {
    var item: [String: Any] = [
      "title": guide.title, "summary": guide.summary, "href": href(guide.route),
      "roles": roles(guide.roles), "topics": topics(guide.topics), "is_local": guide.isLocal,
    ]
    if let updated = guide.updated { item["updated"] = date(updated) }
    return item
  }

  func storyItem(_ story: Story) -> [String: Any] {
    var item: [String: Any] = [
      "title": story.title, "summary": story.summary, "href": href(story.route), "date": date(story.date),
      "is_local": story.isLocal,
    ]
    if let county = story.county { item["county"] = county }
    if let category = story.category { item["category"] = category }
    return item
  }

  /// The table of contents: second- and third-level headings, with `sub` marking the third level.
  func tableOfContents(_ body: RenderedMarkdown) -> [[String: Any]] {
    let top = body.headings.map(\.level).min() ?? 2
    return body.headings.filter { $0.level <= top + 1 }.map { heading in
      ["text": heading.text, "href": "#\(heading.id)", "sub": heading.level > top] as [String: Any]
    }
  }

  /// A list under a `has_` flag, so templates can leave out a whole section when it is empty.
  static func list(_ key: String, _ items: [[String: Any]], into context: inout [String: Any]) {
    context[key] = items
    context["has_\(key)"] = !items.isEmpty
  }
}
