/// A build kept in memory instead of written: the site model, its templates and every file it makes.
///
/// `sopkit serve` hands it to the next build, which parses and renders again only what changed.
public struct BuiltSite: Sendable {
  let site: Site
  let templates: TemplateSet
  /// Sorted by path.
  public let files: [RenderedFile]
  public let report: BuildReport

  /// Every guide's state in every other language.
  public var translationReport: TranslationReport { TranslationReport(site: site) }
  /// The Markdown files as parsed, for the next build to reuse (none for a build written to its output folder).
  let parsed: ParsedFiles
  /// Paths of the search index's files; `searchIndexIsCurrent` is false when they are still the previous build's.
  let searchPaths: Set<String>
  public let searchIndexIsCurrent: Bool

  /// The same build with its search index made from its own site model.
  public func withCurrentSearchIndex() -> BuiltSite {
    if searchIndexIsCurrent { return self }
    let search = site.allEditions.flatMap { SearchIndexBuilder.files(for: $0) }
    let files = (files.filter { !searchPaths.contains($0.path) } + search).sorted { $0.path < $1.path }
    return BuiltSite(
      site: site, templates: templates, files: files, report: report, parsed: parsed,
      searchPaths: Set(search.map(\.path)), searchIndexIsCurrent: true)
  }
}
