extension SiteAssembler {
  /// One Markdown file of the build with its place in the site and its links resolved.
  struct Page<FrontMatter: Sendable>: Sendable {
    var loaded: LoadedContent.Page<FrontMatter>
    /// Where the page is written, such as `es/guides/three-houses.html`.
    var outputPath: String
    var body: RenderedMarkdown
    /// Resolves the page's front-matter paths (attachments, story image) like its links.
    var linkResolver: LinkResolver

    var slug: String { loaded.slug }
    var language: String? { loaded.language }
    var frontMatter: FrontMatter { loaded.frontMatter }
    var isLocal: Bool { loaded.isLocal }
    var location: SourceLocation { loaded.location }
  }

  /// Every page's links resolved against every page and file the build has, on every core, a run of pages at a
  /// time: each page's parsed body is let go as soon as its links are resolved, so the parsed and the resolved
  /// HTML of every page are never in memory together.
  static func resolveLinks<FrontMatter>(
    of pages: inout [LoadedContent.Page<FrontMatter>], inventory: LinkResolver.Inventory
  ) -> [Checked<Page<FrontMatter>>] {
    var resolved: [Checked<Page<FrontMatter>>] = []
    resolved.reserveCapacity(pages.count)
    for start in stride(from: 0, to: pages.count, by: 1_024) {
      let run = start..<min(start + 1_024, pages.count)
      resolved += Array(pages[run]).parallelMap { page in
        let outputPath = Route.outputPath(of: page.entry)
        let resolver = LinkResolver(
          inventory: inventory, sourcePath: page.contentPath, outputPath: outputPath, language: page.language)
        var diagnostics = DiagnosticCollector()
        let body = resolver.resolve(page.body, diagnostics: &diagnostics)
        var loaded = page
        loaded.body = ParsedMarkdown.empty
        return Checked(
          value: Page(loaded: loaded, outputPath: outputPath, body: body, linkResolver: resolver),
          diagnostics: diagnostics.diagnostics)
      }
      for index in run { pages[index].body = ParsedMarkdown.empty }
    }
    return resolved
  }

  /// What links may lead to: every page of the build (and those whose front matter could not be read, so
  /// one mistake is reported once), the drafts left out, and the other files.
  static func linkInventory(of content: LoadedContent) -> LinkResolver.Inventory {
    let entries =
      content.guides.map(\.entry) + content.stories.map(\.entry) + content.pages.map(\.entry)
      + content.unreadablePages
    return LinkResolver.Inventory(
      pages: Dictionary(entries.map { ($0.contentPath, Route.outputPath(of: $0)) }) { first, _ in first },
      skippedPages: content.draftPaths, files: content.files)
  }
}
