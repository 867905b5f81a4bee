/// The Search stage: builds the site's search index from the site model, as script files that load from disk.
enum SearchIndexBuilder {
  static func files(for site: Site) -> [RenderedFile] {
    []
  }
}
