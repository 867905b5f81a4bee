import Foundation

/// Runs the build from top to bottom: load → assemble → render → write.
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
    if options.writeOutput { try writer.checkOutputPath() }
    let built = try buildInMemory()
    let start = ContinuousClock.now
    if options.writeOutput {
      options.progress?("write")
      try writer.write(built.files)
    }
    var report = built.report
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    report.stageSeconds.append(("write", seconds))
    report.seconds += seconds
    return report
  }

  /// Runs load → assemble → render and keeps the result in memory; nothing is written (`sopkit serve`).
  public func buildInMemory() throws(BuildFailure) -> BuiltSite {
    let clock = ContinuousClock()
    let start = clock.now
    var stages: [(String, Double)] = []
    var mark = start
    func lap(_ name: String) {
      let now = clock.now
      let duration = now - mark
      stages.append((name, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
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
    let loader = ContentLoader(
      contentURL: project.content.url, displayRoot: project.content.display, overlay: project.overlay,
      includeDrafts: options.includeDrafts)
    let content = run { () throws(BuildFailure) in try loader.load() }
    let templates = run { () throws(BuildFailure) in
      try TemplateSet.load(
        from: project.templates.url, displayRoot: project.templates.display,
        language: content?.settings.language ?? "en")
    }
    lap("load")
    options.progress?("assemble")
    let site = content.flatMap { content in
      run { () throws(BuildFailure) in try SiteAssembler(content: content).assemble() }
    }
    lap("assemble")
    options.progress?("render")
    guard errors.isEmpty, var site, let templates else {
      throw BuildFailure(diagnostics: errors + warnings)
    }
    if options.stampsBuild {
      options.progress?("stamp")
      site.stamp = BuildStamp.make(site: site, project: project, sourceDateEpoch: options.sourceDateEpoch)
      lap("stamp")
      options.progress?("render")
    }
    var files = SiteRenderer(site: site, templates: templates).render()
    let assets = run { () throws(BuildFailure) in
      try AssetCopier(project: project).files(for: site, rendered: files)
    }
    guard let assets else { throw BuildFailure(diagnostics: errors + warnings) }
    files += assets
    lap("render")
    let report = BuildReport(
      pageCount: files.filter { $0.path.hasSuffix(".html") && !$0.isCopy }.count, fileCount: files.count,
      guideCount: site.guides.count, storyCount: site.stories.count, warnings: warnings.sortedUnique(),
      seconds: stages.reduce(0) { $0 + $1.1 }, stageSeconds: stages, replacements: content?.replacements ?? [])
    return BuiltSite(site: site, templates: templates, files: files, report: report)
  }
}
