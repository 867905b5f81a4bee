/// Which pages a rebuild must render again: the pages whose own Markdown body changed, and for a guide whose
/// title, summary, roles, topics, tags or date changed, also every list and "Related guides" section that shows
/// it, before or after the change.
///
/// Anything else (guides added or removed, a story's or page's front matter, the tags in use, site.yaml,
/// contacts) can show on any page, so then every page is rendered again.
enum ChangedPages {
  /// Output paths of the pages to render again, or nil for every page.
  static func between(_ old: Site, _ new: Site) -> Set<String>? {
    guard old.settings == new.settings, old.regions == new.regions, old.tags == new.tags, old.files == new.files,
      old.localFiles == new.localFiles, old.stamp == new.stamp,
      let guides = changedGuides(old.guides, new.guides),
      let stories = changedBodies(old.stories, new.stories, body: \.body, route: \.route),
      let pages = changedBodies(old.pages, new.pages, body: \.body, route: \.route)
    else { return nil }
    return guides.union(stories).union(pages)
  }

  /// The guide pages and lists to render again, or nil when guides were added, removed or renamed.
  private static func changedGuides(_ old: [Guide], _ new: [Guide]) -> Set<String>? {
    guard old.count == new.count else { return nil }
    let before = Dictionary(old.map { ($0.slug, $0) }) { first, _ in first }
    // `related` holds positions in the A-to-Z list, which a new title can shift: compare by slug.
    func relatedSlugs(_ guide: Guide, in guides: [Guide]) -> [String] { guide.related.map { guides[$0].slug } }
    var changed = Set<String>()
    var shownElsewhere = Set<String>()
    var lists = Set<Route>()
    for guide in new {
      guard let previous = before[guide.slug] else { return nil }
      if previous.body != guide.body { changed.insert(guide.route.path) }
      var sameElsewhere = previous
      sameElsewhere.body = guide.body
      sameElsewhere.related = guide.related
      if sameElsewhere != guide {
        shownElsewhere.insert(guide.slug)
        changed.insert(guide.route.path)
        for version in [previous, guide] {
          lists.formUnion(version.roles.map { .role($0.id) } + version.topics.map { .topic($0.id) })
          lists.formUnion(version.tags.map { .tag($0.slug) })
        }
      }
    }
    if !shownElsewhere.isEmpty { lists.formUnion([.home, .guideIndex]) }
    for guide in new {
      let related = relatedSlugs(guide, in: new)
      if related != relatedSlugs(before[guide.slug]!, in: old) || related.contains(where: shownElsewhere.contains) {
        changed.insert(guide.route.path)
      }
    }
    return changed.union(lists.map(\.path))
  }

  /// The routes of the pages whose body changed, or nil when anything but a body changed.
  private static func changedBodies<Page: Equatable>(
    _ old: [Page], _ new: [Page], body: WritableKeyPath<Page, RenderedMarkdown>, route: (Page) -> Route
  ) -> Set<String>? {
    guard old.count == new.count else { return nil }
    var changed = Set<String>()
    for (before, after) in zip(old, new) {
      var sameBody = before
      sameBody[keyPath: body] = after[keyPath: body]
      guard sameBody == after else { return nil }
      if before[keyPath: body] != after[keyPath: body] { changed.insert(route(after).path) }
    }
    return changed
  }
}
