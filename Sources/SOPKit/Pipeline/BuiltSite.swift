/// A build kept in memory instead of written: every file it makes, its report, and the cache the next build
/// of `sopkit serve` starts from.
public struct BuiltSite: Sendable {
  /// Sorted by path.
  public let files: [RenderedFile]
  public let report: BuildReport
  public let cache: BuildCache
  /// False when the search index's files are still those of an earlier build.
  public let searchIndexIsCurrent: Bool

  var site: Site { cache.site }
  var templates: TemplateSet { cache.templates }

  /// Every guide's state in every other language.
  public var translationReport: TranslationReport { TranslationReport(site: site) }

  /// The same build with its search index made from its own site model.
  public func withCurrentSearchIndex() -> BuiltSite {
    if searchIndexIsCurrent { return self }
    let collector = FileCollector()
    let paths = site.allEditions.flatMap { SearchIndexBuilder.files(for: $0, into: collector) }
    let files = (files.filter { !cache.searchPaths.contains($0.path) } + collector.files).sorted { $0.path < $1.path }
    var updated = cache
    updated.files = files
    updated.searchPaths = Set(paths)
    return BuiltSite(files: files, report: report, cache: updated, searchIndexIsCurrent: true)
  }
}
