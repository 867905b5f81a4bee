/// The one incremental state of sopkit: what an in-memory build read, assembled and made, for the next build of
/// `sopkit serve` (and the editor's preview) to start from.
///
/// Keyed by file state: Load takes a Markdown file as it was while its size and modification time are the
/// same; Render, when the templates are the same, renders again only the pages `ChangedPages` finds changed
/// between the cached site and the new one; the search index stays the cached one until the caller asks for a
/// current one. Everything else (settings, contacts, templates, Public/) is read again by every build.
public struct BuildCache: Sendable {
  let loadedFiles: LoadedFiles
  let site: Site
  let templates: TemplateSet
  /// Every file of the build, sorted by path.
  var files: [RenderedFile]
  /// Paths of the search index's files among `files`.
  var searchPaths: Set<String>

  /// Output paths of the pages to render again for `site`, or nil for every page.
  func pagesToRender(site: Site, templates: TemplateSet) -> Set<String>? {
    guard templates.fingerprint == self.templates.fingerprint, self.site.editions.isEmpty, site.editions.isEmpty
    else { return nil }
    return ChangedPages.between(self.site, site)
  }

  /// Paths of the pages, feed and sitemap the cache holds.
  var pagePaths: [String] {
    files.filter { !$0.isCopy && !searchPaths.contains($0.path) }.map(\.path)
  }

  /// What a build takes from the cache: with `pagesBesides`, the cached pages it did not render again; with
  /// `searchIndex`, the cached search index.
  func reusedFiles(pagesBesides made: Set<String>?, searchIndex: Bool) -> [RenderedFile] {
    files.filter { file in
      if file.isCopy { return false }
      if searchPaths.contains(file.path) { return searchIndex }
      return made.map { !$0.contains(file.path) } ?? false
    }
  }
}
