import Foundation

/// Runs the build from top to bottom: load → assemble → render (the search index alongside) → write.
///
/// Each stage gathers all of its problems; the build stops before writing when any is an error,
/// so the last good output is never touched by a failed build.
public struct SiteBuilder: Sendable {
  public let project: Project
  public let options: BuildOptions

  public init(project: Project, options: BuildOptions = BuildOptions()) {
    self.project = project
    self.options = options
  }

  public func build() throws(BuildFailure) -> BuildReport {
    let writer = OutputWriter(project: project)
    guard options.writeOutput else { return try buildInMemory().report }
    try writer.checkOutputPath()
    let start = ContinuousClock.now
    options.progress?("check")
    let fingerprint = InputFingerprint(project: project, options: options)
    let filesHash = fingerprint.filesHash()
    let inputs = fingerprint.compute(files: filesHash)
    if !options.force, let stamp = OutputMarker.read(from: project.output.url), stamp.header.inputs == inputs,
      stamp.matchesFiles(in: project.output.url)
    {
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      let header = stamp.header
      return BuildReport(
        pageCount: header.pageCount, fileCount: header.fileCount, guideCount: header.guideCount,
        storyCount: header.storyCount, warnings: header.warnings, seconds: seconds,
        stageSeconds: [("check", seconds)], upToDate: true)
    }
    let checked = (ContinuousClock.now - start) / .seconds(1)
    let staging = try writer.stage()
    let built: BuiltSite
    do {
      built = try buildInMemory(
        reusing: nil, saved: nil, searchIndex: true, filesHash: filesHash, keepsParsed: false, keep: staging.keep)
    } catch {
      staging.discard()
      throw error
    }
    let writeStart = ContinuousClock.now
    options.progress?("write")
    var report = built.report
    try writer.finish(
      staging, files: built.files,
      summary: OutputMarker.Header(
        inputs: inputs, pageCount: report.pageCount, fileCount: report.fileCount, guideCount: report.guideCount,
        storyCount: report.storyCount, warnings: report.warnings))
    let written = (ContinuousClock.now - writeStart) / .seconds(1)
    report.stageSeconds.insert(("check", checked), at: 0)
    report.stageSeconds.append(("write", written))
    report.seconds += checked + written
    // Freeing the site model, a million objects at 10,000 guides, took a fifth of a second that nothing waits for.
    BackgroundWork.release(consume built)
    return report
  }

  /// Runs load → assemble → render and keeps the result in memory; nothing is written (`sopkit serve`).
  ///
  /// Given the `previous` build, only the Markdown files that changed are parsed again and, when nothing but
  /// bodies changed, only their pages are rendered again; given also every file `saved` since it, a save
  /// that changed only the text of pages skips reading and assembling the rest of the site. With
  /// `searchIndex` false the previous build's search index is kept, for `BuiltSite.withCurrentSearchIndex()`
  /// to replace later.
  public func buildInMemory(reusing previous: BuiltSite? = nil, saved: Set<String>? = nil, searchIndex: Bool = true)
    throws(BuildFailure) -> BuiltSite
  {
    try buildInMemory(reusing: previous, saved: saved, searchIndex: searchIndex, filesHash: nil)
  }

  /// `filesHash` is `InputFingerprint.filesHash()` when the caller has it already, for a stamped build; every
  /// page and search index file goes through `keep` as soon as it is made (`OutputStaging.keep` writes it).
  /// Without `keepsParsed` the built site keeps no parsed files for a next build, and the text of every file is
  /// let go before the pages are rendered.
  func buildInMemory(
    reusing previous: BuiltSite?, saved: Set<String>?, searchIndex: Bool, filesHash: String?,
    keepsParsed: Bool = true, keep: @escaping @Sendable (RenderedFile) -> RenderedFile = { $0 }
  ) throws(BuildFailure) -> BuiltSite {
    // The partial rebuilds know one language and no stamp; a site with translations is rebuilt whole.
    if let previous, let saved, previous.site.editions.isEmpty, !options.stampsBuild,
      let rebuilt = PageTextRebuild(project: project, previous: previous).run(saved: saved)
    {
      return searchIndex ? rebuilt.withCurrentSearchIndex() : rebuilt
    }
    let clock = ContinuousClock()
    let start = clock.now
    var stages: [(String, Double)] = []
    var mark = start
    func lap(_ name: String) {
      let now = clock.now
      stages.append((name, (now - mark) / .seconds(1)))
      mark = now
    }

    var warnings: [Diagnostic] = []
    var errors: [Diagnostic] = []
    func run<Value>(_ stage: () throws(BuildFailure) -> (Value, [Diagnostic])) -> Value? {
      do {
        let (value, found) = try stage()
        for diagnostic in found {
          if diagnostic.severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
        }
        return value
      } catch {
        errors += error.diagnostics
        return nil
      }
    }

    options.progress?("load")
    var assembled: Site?
    var templates: TemplateSet?
    var parsed: ParsedFiles?
    var replacements: [OverlayReplacement] = []
    do {
      // Scoped, so that the loaded content (every file's text) is freed here unless `parsed` keeps it.
      let loader = ContentLoader(
        contentURL: project.content.url, displayRoot: project.content.display, overlay: project.overlay,
        includeDrafts: options.includeDrafts)
      let content = run { () throws(BuildFailure) in try loader.load(reusing: previous?.parsed) }
      templates = run { () throws(BuildFailure) in
        try TemplateSet.load(
          from: project.templates.url, displayRoot: project.templates.display,
          language: content?.settings.language ?? "en", otherLanguages: content?.settings.languages.map(\.id) ?? [])
      }
      lap("load")
      options.progress?("assemble")
      assembled = content.flatMap { content in
        run { () throws(BuildFailure) in try SiteAssembler(content: content).assemble() }
      }
      lap("assemble")
      if let content {
        parsed = keepsParsed ? content.parsed : ParsedFiles(allowRawHTML: content.parsed.allowRawHTML)
        replacements = content.replacements
      }
    }
    options.progress?("render")
    guard errors.isEmpty, let assembled, let templates, let parsed else {
      throw BuildFailure(diagnostics: errors + warnings)
    }
    var site = assembled
    if options.stampsBuild {
      options.progress?("stamp")
      site = stamped(assembled, filesHash: filesHash)
      lap("stamp")
      options.progress?("render")
    }
    let searchWork =
      searchIndex
      ? BackgroundWork { [site] () -> ([RenderedFile], Double) in
        let start = ContinuousClock.now
        let files = site.allEditions.flatMap { SearchIndexBuilder.files(for: $0, keep: keep) }
        return (files, (ContinuousClock.now - start) / .seconds(1))
      } : nil
    let renderer = SiteRenderer(site: site, templates: templates)
    var files: [RenderedFile]
    let pagesRendered: Int
    if let previous, previous.templates.fingerprint == templates.fingerprint,
      previous.site.editions.isEmpty, site.editions.isEmpty, let changed = ChangedPages.between(previous.site, site)
    {
      let rendered = renderer.render(only: changed, keep: keep)
      pagesRendered = changed.count
      let replaced = Set(rendered.map(\.path))
      files =
        rendered
        + previous.files.filter {
          $0.isCopy == false && !replaced.contains($0.path) && !previous.searchPaths.contains($0.path)
        }
    } else {
      files = renderer.render(keep: keep)
      pagesRendered = files.count { $0.path.hasSuffix(".html") }
    }
    lap("render")
    let indexed = searchWork?.result
    let search = indexed?.0 ?? previous?.files.filter { previous!.searchPaths.contains($0.path) } ?? []
    files += search
    // The index is made alongside the pages: its stage is its own time, and the wait for it goes uncounted.
    if let seconds = indexed?.1 { stages.append(("search", seconds)) }
    mark = clock.now
    let assets = run { () throws(BuildFailure) in
      try AssetCopier(project: project).files(for: site, rendered: files)
    }
    guard let assets else { throw BuildFailure(diagnostics: errors + warnings) }
    files += assets
    files.sort { $0.path < $1.path }
    lap("assets")
    var report = BuildReport(
      pageCount: files.filter { $0.path.hasSuffix(".html") && !$0.isCopy }.count, fileCount: files.count,
      guideCount: site.guides.count, storyCount: site.stories.count, warnings: warnings.sortedUnique(),
      seconds: (clock.now - start) / .seconds(1), stageSeconds: stages, replacements: replacements)
    report.pagesRendered = pagesRendered
    return BuiltSite(
      site: site, templates: templates, files: files, report: report, parsed: parsed,
      searchPaths: Set(search.map(\.path)), searchIndexIsCurrent: searchIndex)
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
