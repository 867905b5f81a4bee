import Foundation

/// `sopkit import`: takes in a package from the share page as a draft story with its files, all or nothing.
///
/// The package is read and checked in memory (`SharePackage`), the story is laid out in a staging folder beside
/// Content/ and checked there with every rule `sopkit check` runs (as an overlay, so links to its files resolve),
/// and only then renamed into `Content/stories/<slug>.md` and `Content/stories/files/<slug>/`. Nothing that
/// exists is ever replaced.
public struct StoryImport: Sendable {
  /// What an import wrote, as the user names the paths, and the warnings it found.
  public struct Result: Sendable {
    public var storyPath: String
    public var filePaths: [String]
    public var warnings: [Diagnostic]
  }

  public var package: URL
  /// The package as the user named it, for messages.
  public var display: String
  /// The file name to use instead of one made from the title.
  public var slug: String?
  /// Treat warnings (the confidentiality check among them) as errors.
  public var strict: Bool

  public init(package: URL, display: String, slug: String? = nil, strict: Bool = false) {
    self.package = package
    self.display = display
    self.slug = slug
    self.strict = strict
  }

  public func run(in project: Project) throws(ImportRefusal) -> Result {
    let settings = try readSettings(project)
    let contents = try SharePackage(contentsOf: package, display: display, limits: .init(settings.share))
    let storyDisplay = "\(display)/\(SharePackage.storyName)"
    let source: SourceFile
    let frontMatter: FrontMatter
    let story: StoryFrontMatter
    do throws(BuildFailure) {
      source = try SourceFile.decode(contents.story, displayPath: storyDisplay)
      frontMatter = try FrontMatter.split(source)
      let mapping = try YAMLDocument.parse(frontMatter.yaml, file: source, firstLine: frontMatter.yamlFirstLine)
      let fields = YAMLFields(mapping, file: source, firstLine: frontMatter.yamlFirstLine)
      let read = StoryFrontMatter(fields)
      _ = try fields.diagnostics.finish()
      guard let read else { throw BuildFailure(diagnostics: fields.diagnostics.diagnostics) }
      story = read
    } catch {
      throw ImportRefusal(error.diagnostics)
    }
    try checkCounty(story, project: project, at: storyDisplay)
    let name = try chooseSlug(title: story.title, project: project)
    let (text, addedLine) = Self.withDraftMark(
      Self.rewritingFileLinks(in: source.text, slug: name), frontMatter: frontMatter)

    let manager = FileManager.default
    let staging = project.content.url.deletingLastPathComponent()
      .appendingPathComponent(".sopkit-import-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: staging) }
    let stagedStory = staging.appendingPathComponent("stories/\(name).md")
    let stagedFiles = staging.appendingPathComponent("stories/files/\(name)")
    do {
      try manager.createDirectory(at: stagedFiles, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: stagedStory)
      for (file, data) in contents.attachments { try data.write(to: stagedFiles.appendingPathComponent(file)) }
    } catch {
      throw ImportRefusal(
        "cannot stage the story beside the Content folder: \(error.localizedDescription)", at: display)
    }
    let warnings = try check(staged: staging, slug: name, addedLine: addedLine, project: project)

    let storyTarget = project.content.url.appendingPathComponent("stories/\(name).md")
    let filesTarget = project.content.url.appendingPathComponent("stories/files/\(name)")
    do {
      try manager.createDirectory(at: filesTarget.deletingLastPathComponent(), withIntermediateDirectories: true)
      if !contents.attachments.isEmpty { try manager.moveItem(at: stagedFiles, to: filesTarget) }
      // link(2) refuses to replace a file that appeared since the check; rename(2) would not.
      guard link(stagedStory.path, storyTarget.path) == 0 else {
        let reason = String(cString: strerror(errno))
        if !contents.attachments.isEmpty { try? manager.moveItem(at: filesTarget, to: stagedFiles) }
        throw ImportRefusal("cannot write '\(contentDisplay(project, "stories/\(name).md"))': \(reason)", at: display)
      }
    } catch let refusal as ImportRefusal {
      throw refusal
    } catch {
      throw ImportRefusal("cannot move the story into the Content folder: \(error.localizedDescription)", at: display)
    }
    return Result(
      storyPath: contentDisplay(project, "stories/\(name).md"),
      filePaths: contents.attachments.map { contentDisplay(project, "stories/files/\(name)/\($0.name)") },
      warnings: warnings)
  }

  private func readSettings(_ project: Project) throws(ImportRefusal) -> SiteSettings {
    do throws(BuildFailure) {
      let path = contentDisplay(project, "site.yaml")
      let file = try SourceFile.read(project.content.url.appendingPathComponent("site.yaml"), displayPath: path)
      return try SiteSettingsFile.read(file).value
    } catch {
      throw ImportRefusal(error.diagnostics)
    }
  }

  /// A county must be one contacts.yaml lists, when it lists any, so the story lands in the right region.
  private func checkCounty(_ story: StoryFrontMatter, project: Project, at path: String) throws(ImportRefusal) {
    guard let county = story.county else { return }
    let url = project.content.url.appendingPathComponent("contacts.yaml")
    guard let file = try? SourceFile.read(url, displayPath: contentDisplay(project, "contacts.yaml")),
      let regions = try? ContactsFile.read(file).value
    else { return }
    let counties = regions.flatMap(\.value.counties)
    guard !counties.isEmpty, !counties.contains(where: { $0.caseInsensitiveCompare(county) == .orderedSame }) else {
      return
    }
    throw ImportRefusal(
      "unknown county '\(county)'\(DidYouMean.hint(for: county, among: counties)); the counties are listed in \(contentDisplay(project, "contacts.yaml"))",
      at: path)
  }

  /// `--slug` or a name made from the title, refused when a story or its files already have it.
  private func chooseSlug(title: String, project: Project) throws(ImportRefusal) -> String {
    let name = slug ?? Slug.make(from: title).folding(options: .diacriticInsensitive, locale: nil)
    guard Slug.isValid(name) else {
      throw ImportRefusal(
        "cannot make a file name from '\(title)': give one with --slug, using only lowercase letters, digits and '-'",
        at: display)
    }
    let stories = project.content.url.appendingPathComponent("stories")
    let taken =
      (try? FileManager.default.contentsOfDirectory(atPath: stories.path))?.filter {
        $0 == "\(name).md" || ($0.hasPrefix("\(name).") && $0.hasSuffix(".md"))
      } ?? []
    let filesTaken = FileManager.default.fileExists(atPath: stories.appendingPathComponent("files/\(name)").path)
    if let existing = taken.first ?? (filesTaken ? "files/\(name)" : nil) {
      throw ImportRefusal(
        "'\(contentDisplay(project, "stories/\(existing)"))' already exists and is never replaced; choose another name with --slug",
        at: display)
    }
    return name
  }

  /// Runs every check of `sopkit check` on the site with the staged story laid over it; its problems only.
  /// Lines after `addedLine` (the draft mark the import added) are reported by their number in the package.
  private func check(staged: URL, slug: String, addedLine: Int?, project: Project) throws(ImportRefusal)
    -> [Diagnostic]
  {
    var overlaid = project
    var folder = Project.Folder(staged.path, relativeTo: project.content.url)
    folder.display = staged.lastPathComponent
    overlaid.overlay = folder
    let builder = SiteBuilder(project: overlaid, options: BuildOptions(includeDrafts: true, writeOutput: false))
    let found: [Diagnostic]
    do {
      found = try builder.buildInMemory().report.warnings
    } catch {
      found = error.diagnostics
    }
    let prefix = folder.display + "/stories/"
    let mine: [Diagnostic] = found.compactMap { diagnostic in
      guard diagnostic.location.path.hasPrefix(prefix) else { return nil }
      var moved = diagnostic
      let inside = String(diagnostic.location.path.dropFirst(prefix.count))
      if inside == "\(slug).md" {
        moved.location.path = "\(display)/\(SharePackage.storyName)"
        if let addedLine, moved.location.line > addedLine { moved.location.line -= 1 }
      } else {
        moved.location.path =
          "\(display)/" + inside.replacingOccurrences(of: "files/\(slug)/", with: SharePackage.filesFolder)
      }
      if strict { moved.severity = .error }
      return moved
    }
    if mine.contains(where: { $0.severity == .error }) { throw ImportRefusal(mine) }
    return mine.sortedUnique()
  }

  /// Points the story's links to `files/NAME` (as the share page writes them) at `files/<slug>/NAME`.
  static func rewritingFileLinks(in text: String, slug: String) -> String {
    let pattern = #"(\]\(\s*<?|^[ ]{0,3}\[[^\]]+\]:\s*<?)(?:\./)?files/"#
    guard let expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else {
      return text
    }
    return expression.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1files/\(slug)/")
  }

  /// The story marked `draft: true`, in place of what its front matter said or added at its end (then also the
  /// 1-based number of the added line).
  static func withDraftMark(_ text: String, frontMatter: FrontMatter) -> (String, Int?) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let closing = frontMatter.bodyFirstLine - 2
    if let draft = lines[..<closing].firstIndex(where: { $0.hasPrefix("draft:") }) {
      lines[draft] = "draft: true"
      return (lines.joined(separator: "\n"), nil)
    }
    lines.insert("draft: true", at: closing)
    return (lines.joined(separator: "\n"), closing + 1)
  }

  private func contentDisplay(_ project: Project, _ path: String) -> String {
    project.content.display.isEmpty ? path : "\(project.content.display)/\(path)"
  }
}
