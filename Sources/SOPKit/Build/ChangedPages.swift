/// Which pages a rebuild must render again: the pages whose own Markdown body changed, when nothing else about
/// the site did.
///
/// Anything else that changes (a title, a summary, a role, a tag, site.yaml, contacts) can show on many pages,
/// so then every page is rendered again.
enum ChangedPages {
  /// Output paths of the pages to render again, or nil for every page.
  static func between(_ old: Site, _ new: Site) -> Set<String>? {
    guard old.settings == new.settings, old.regions == new.regions, old.tags == new.tags, old.files == new.files,
      old.localFiles == new.localFiles, old.stamp == new.stamp,
      let guides = changedBodies(old.guides, new.guides, body: \.body, route: \.route),
      let stories = changedBodies(old.stories, new.stories, body: \.body, route: \.route),
      let pages = changedBodies(old.pages, new.pages, body: \.body, route: \.route)
    else { return nil }
    return guides.union(stories).union(pages)
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
