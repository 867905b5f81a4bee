import Foundation

/// The rebuild after saves that changed only the text of pages: the saved files are read again, their bodies
/// rendered and their links checked, and only their pages rendered; nothing else is read or assembled again.
///
/// It applies only when every saved file is a page of the last build whose front matter, images,
/// attachments, heading anchors and (lack of) text are what they were, and when the new text has no error;
/// otherwise it gives up and a full rebuild says what changed. Saves in a county's overlay, and saves of a
/// statewide file the overlay replaces, always take the full rebuild.
struct PageTextRebuild {
  let project: Project
  let previous: BuiltSite

  /// The new build, or nil when the saves changed more than page text.
  func run(saved paths: Set<String>) -> BuiltSite? {
    let start = ContinuousClock.now
    let contentFolder = project.content.url.path + "/"
    var parsed = previous.parsed
    var site = previous.site
    var warnings = previous.report.warnings
    var changedRoutes = Set<String>()
    for path in paths.sorted() {
      guard path.hasPrefix(contentFolder) else { return nil }
      let contentPath = String(path.dropFirst(contentFolder.count))
      guard let known = parsed.entries[contentPath], let knownBody = known.body, !known.header.entry.isLocal else {
        return nil
      }
      guard let state = FileState(path: path) else { return nil }
      if state == known.state { continue }
      guard let body = readBody(of: known, state: state) else { return nil }
      let output = ContentLoader.outputPath(of: known.header.entry)
      guard replace(body.markdown, of: output, in: &site) else { return nil }
      warnings.removeAll { knownBody.diagnostics.contains($0) }
      warnings += body.diagnostics
      parsed.entries[contentPath] = ParsedFiles.Entry(state: state, header: known.header, body: body)
      changedRoutes.insert(output)
    }
    let renderer = SiteRenderer(site: site, templates: previous.templates)
    var rendered = renderer.pages(only: changedRoutes)
    // Story pages are in the feed with their text; nothing else changes what the feed or the sitemap say.
    if site.stories.contains(where: { changedRoutes.contains($0.route.path) }) { rendered.append(renderer.feed()) }
    let replacements = Dictionary(rendered.map { ($0.path, $0) }) { _, last in last }
    let files = previous.files.map { replacements[$0.path] ?? $0 }
    var report = previous.report
    report.warnings = warnings.sortedUnique()
    report.pagesRendered = changedRoutes.count
    report.seconds = (ContinuousClock.now - start) / .seconds(1)
    report.stageSeconds = [("pages", report.seconds)]
    return BuiltSite(
      site: site, templates: previous.templates, files: files, report: report, parsed: parsed,
      searchPaths: previous.searchPaths, searchIndexIsCurrent: false)
  }

  /// The saved file's new body, when nothing but its text changed and it has no error.
  private func readBody(of known: ParsedFiles.Entry, state: FileState) -> ParsedFiles.Body? {
    guard let knownBody = known.body,
      let file = try? SourceFile.read(known.header.entry.url, displayPath: known.header.file.path),
      let frontMatter = try? FrontMatter.split(file), frontMatter.yaml == known.header.frontMatter.yaml,
      frontMatter.bodyFirstLine == known.header.frontMatter.bodyFirstLine
    else { return nil }
    var diagnostics = DiagnosticCollector()
    let markdown = MarkdownRenderer(allowRawHTML: previous.parsed.allowRawHTML).render(
      frontMatter.body, file: file, firstLine: frontMatter.bodyFirstLine, links: knownBody.linkResolver,
      diagnostics: &diagnostics)
    let old = knownBody.markdown
    guard markdown.files == old.files, Set(markdown.headings.map(\.id)) == Set(old.headings.map(\.id)),
      markdown.isEmpty == old.isEmpty
    else { return nil }
    previous.site.linkTargets.check(markdown, diagnostics: &diagnostics)
    guard !diagnostics.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
    return ParsedFiles.Body(
      markdown: markdown, linkResolver: knownBody.linkResolver, diagnostics: diagnostics.diagnostics)
  }

  /// Puts `body` in place of the page written to `output`; false when no page is.
  private func replace(_ body: RenderedMarkdown, of output: String, in site: inout Site) -> Bool {
    if let index = site.guides.firstIndex(where: { $0.route.path == output }) {
      site.guides[index].body = body
    } else if let index = site.stories.firstIndex(where: { $0.route.path == output }) {
      site.stories[index].body = body
    } else if let index = site.pages.firstIndex(where: { $0.route.path == output }) {
      site.pages[index].body = body
    } else {
      return false
    }
    return true
  }
}
