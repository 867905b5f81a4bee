import Foundation

/// Runs the build from top to bottom: load → assemble → render (the search index alongside) → write.
///
/// Each stage is a function from the last one's value to its own value and its diagnostics; the build stops
/// before writing when any is an error, so the last good output is never touched by a failed build.
public struct SiteBuilder: Sendable {
  public let project: Project
  public let options: BuildOptions

  public init(project: Project, options: BuildOptions = BuildOptions()) {
    self.project = project
    self.options = options
  }

  /// Builds into the output folder, unless the record of the last build there says nothing changed.
  public func build() throws(BuildFailure) -> BuildReport {
    guard options.writeOutput else { return try buildInMemory().report }
    let writer = OutputWriter(project: project)
    try writer.checkOutputPath()
    let start = ContinuousClock.now
    options.progress?("check")
    let fingerprint = InputFingerprint(project: project, options: options)
    let filesHash = fingerprint.filesHash()
    let inputs = fingerprint.compute(files: filesHash)
    if !options.force, let record = writer.lastRecord(), record.header.inputs == inputs,
      record.matchesFiles(in: project.output.url)
    {
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      let header = record.header
      return BuildReport(
        pageCount: header.pageCount, fileCount: header.fileCount, guideCount: header.guideCount,
        storyCount: header.storyCount, warnings: header.warnings, seconds: seconds,
        stageSeconds: [("check", seconds)], upToDate: true)
    }
    let checked = (ContinuousClock.now - start) / .seconds(1)
    let staging = try writer.stage()
    let made: MadeSite
    do {
      made = try make(cache: nil, keepsCache: false, searchIndex: true, filesHash: filesHash, into: staging)
    } catch {
      staging.discard()
      throw error
    }
    let writeStart = ContinuousClock.now
    options.progress?("write")
    var report = made.report
    try writer.finish(
      staging, copies: made.copies,
      summary: BuildRecord.Header(
        inputs: inputs, pageCount: report.pageCount, fileCount: report.fileCount, guideCount: report.guideCount,
        storyCount: report.storyCount, warnings: report.warnings))
    let written = (ContinuousClock.now - writeStart) / .seconds(1)
    report.stageSeconds.insert(("check", checked), at: 0)
    report.stageSeconds.append(("write", written))
    report.seconds += checked + written
    // Freeing the site model, a million objects at 10,000 guides, took a fifth of a second that nothing waits for.
    BackgroundWork.release(consume made)
    return report
  }

  /// Runs load → assemble → render and keeps every file in memory (`check`, `bundle`, `serve`); nothing is
  /// written. Given the `cache` of the last build, only what changed is read and rendered again (`BuildCache`);
  /// with `searchIndex` false the cache's search index is kept, for `BuiltSite.withCurrentSearchIndex()` to
  /// replace later.
  public func buildInMemory(reusing cache: BuildCache? = nil, searchIndex: Bool = true) throws(BuildFailure)
    -> BuiltSite
  {
    let collector = FileCollector()
    let made = try make(
      cache: cache, keepsCache: true, searchIndex: searchIndex || cache == nil, filesHash: nil, into: collector)
    var files = collector.files
    if let cache {
      files += cache.reusedFiles(
        pagesBesides: made.renderedAll ? nil : Set(files.map(\.path)), searchIndex: made.searchPaths == nil)
    }
    files += made.copies
    files.sort { $0.path < $1.path }
    var report = made.report
    report.fileCount = files.count
    let searchPaths = made.searchPaths.map(Set.init) ?? cache?.searchPaths ?? []
    return BuiltSite(
      files: files, report: report,
      cache: BuildCache(
        loadedFiles: made.loadedFiles, site: made.site, templates: made.templates, files: files,
        searchPaths: searchPaths),
      searchIndexIsCurrent: made.searchPaths != nil)
  }

  /// What the stages made before anything is written: every page and search file went to the sink.
  private struct MadeSite: Sendable {
    var site: Site
    var templates: TemplateSet
    var loadedFiles: LoadedFiles
    /// The files copied as they are.
    var copies: [RenderedFile]
    /// Paths of the search index's files; nil when the index was not made.
    var searchPaths: [String]?
    /// False when only the pages the cache found changed were rendered.
    var renderedAll: Bool
    var report: BuildReport
  }

  /// Runs every stage but the writing; with `keepsCache` the result keeps every loaded file for a next build.
  private func make(
    cache: BuildCache?, keepsCache: Bool, searchIndex: Bool, filesHash: String?, into sink: any FileSink
  ) throws(BuildFailure) -> MadeSite {
    let clock = ContinuousClock()
    let start = clock.now
    var stages: [(String, Double)] = []
    var mark = start
    func lap(_ name: String) {
      let now = clock.now
      stages.append((name, (now - mark) / .seconds(1)))
      mark = now
    }
    var diagnostics = StageDiagnostics()

    // Load and assemble in a scope of their own, so that every file's text and parsed body are let go before
    // the pages are rendered, unless the cache keeps them.
    let (assembled, templates, loadedFiles, replacements) = try { () throws(BuildFailure) in
      options.progress?("load")
      let loader = ContentLoader(
        contentURL: project.content.url, displayRoot: project.content.display, overlay: project.overlay,
        includeDrafts: options.includeDrafts)
      var content = diagnostics.run { () throws(BuildFailure) in
        try loader.load(reusing: cache?.loadedFiles ?? LoadedFiles())
      }
      let templates = diagnostics.run { () throws(BuildFailure) in
        try TemplateSet.load(
          from: project.templates.url, displayRoot: project.templates.display,
          language: content?.settings.language ?? "en", otherLanguages: content?.settings.languages.map(\.id) ?? [])
      }
      if let content { _ = diagnostics.run { NewContentPlaceholders(project: project).check(content) } }
      lap("load")
      options.progress?("assemble")
      let replacements = content?.replacements ?? []
      let loadedFiles = keepsCache ? content?.loadedFiles ?? LoadedFiles() : LoadedFiles()
      content?.loadedFiles = LoadedFiles()
      // The assembler takes the content over, so each page's parsed body goes as soon as it is resolved.
      var assembled: Site?
      if let loaded = content.take() {
        let assembler = SiteAssembler(content: consume loaded)
        assembled = diagnostics.run { () throws(BuildFailure) in try assembler.assemble() }
      }
      lap("assemble")
      guard !diagnostics.hasErrors, let templates, let site = assembled else {
        throw diagnostics.failure
      }
      return (site, templates, loadedFiles, replacements)
    }()
    var site = assembled
    if options.stampsBuild {
      options.progress?("stamp")
      site = stamped(site, filesHash: filesHash)
      lap("stamp")
    }
    options.progress?("render")
    let searchWork =
      searchIndex
      ? BackgroundWork { [site] () -> ([String], Double) in
        let start = ContinuousClock.now
        let paths = site.allEditions.flatMap { SearchIndexBuilder.files(for: $0, into: sink) }
        return (paths, (ContinuousClock.now - start) / .seconds(1))
      } : nil
    let only = cache?.pagesToRender(site: site, templates: templates)
    var made = SiteRenderer(site: site, templates: templates).render(only: only, into: sink)
    let pagesRendered = made.count { $0.hasSuffix(".html") }
    if let cache, only != nil { made = Array(Set(made).union(cache.pagePaths)) }
    lap("render")
    let indexed = searchWork?.result
    // The index is made alongside the pages: its stage is its own time, and the wait for it goes uncounted.
    if let seconds = indexed?.1 { stages.append(("search", seconds)) }
    mark = clock.now
    let searchPaths = indexed?.0 ?? cache.map { Array($0.searchPaths) } ?? []
    let copies = diagnostics.run { () throws(BuildFailure) in
      try AssetCopier(project: project).files(for: site, made: made + searchPaths)
    }
    guard let copies else { throw diagnostics.failure }
    lap("assets")
    var report = BuildReport(
      pageCount: made.count { $0.hasSuffix(".html") }, fileCount: made.count + searchPaths.count + copies.count,
      guideCount: site.guides.count, storyCount: site.stories.count, warnings: diagnostics.warnings.sortedUnique(),
      seconds: (clock.now - start) / .seconds(1), stageSeconds: stages, replacements: replacements)
    report.pagesRendered = pagesRendered
    return MadeSite(
      site: site, templates: templates, loadedFiles: loadedFiles, copies: copies,
      searchPaths: indexed?.0, renderedAll: only == nil, report: report)
  }

  /// The site and its editions with the stamp that says which build this is.
  private func stamped(_ site: Site, filesHash: String?) -> Site {
    let stamp = BuildStamp.make(
      site: site, filesHash: filesHash ?? InputFingerprint(project: project, options: options).filesHash(),
      sourceDateEpoch: options.sourceDateEpoch)
    var site = site
    site.stamp = stamp
    for index in site.editions.indices { site.editions[index].stamp = stamp }
    return site
  }
}
