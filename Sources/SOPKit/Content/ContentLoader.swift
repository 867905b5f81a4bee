import Foundation
import Yams

/// The Load stage: reads Content/ once into `LoadedContent`, parsing every front matter and Markdown body.
struct ContentLoader {
  let scanner: ContentScanner
  /// A county's overlay, read as a second content root on top of the statewide one.
  let overlayScanner: ContentScanner?
  let includeDrafts: Bool

  init(contentURL: URL, displayRoot: String, overlay: Project.Folder? = nil, includeDrafts: Bool) {
    scanner = ContentScanner(contentURL: contentURL, displayRoot: displayRoot)
    overlayScanner = overlay.map { ContentScanner(contentURL: $0.url, displayRoot: $0.display, isLocal: true) }
    self.includeDrafts = includeDrafts
  }

  /// Reads the whole Content folder; Markdown files whose size and modification time are those `previous`
  /// holds are taken from it instead of read and parsed again.
  func load(reusing previous: LoadedFiles = LoadedFiles()) throws(BuildFailure) -> Checked<LoadedContent> {
    var diagnostics = DiagnosticCollector()
    let settingsPath = scanner.displayPath("site.yaml")
    let contactsPath = scanner.displayPath("contacts.yaml")
    var settings: SiteSettings?
    var regions: [Located<Region>] = []
    do throws(BuildFailure) {
      let file = try SourceFile.read(
        scanner.contentURL.appendingPathComponent("site.yaml"), displayPath: settingsPath,
        whyNeeded: SiteSettingsFile.whyNeeded)
      let read = try SiteSettingsFile.read(file)
      settings = read.value
      diagnostics.append(contentsOf: read.diagnostics)
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
    }
    var configured = scanner
    configured.defaultLanguage = settings?.language ?? "en"
    configured.languages = settings.map { Set($0.languages.map(\.id)) }
    let scanner = configured
    var inventory = scanner.scan(diagnostics: &diagnostics)
    var replacements: [OverlayReplacement] = []
    if var overlayScanner {
      overlayScanner.defaultLanguage = configured.defaultLanguage
      overlayScanner.languages = configured.languages
      if let overlay = scanOverlay(overlayScanner, diagnostics: &diagnostics) {
        (inventory, replacements) = ContentOverlay.merge(
          inventory, scannedBy: scanner, with: overlay, scannedBy: overlayScanner)
      }
    }
    inventory.markdown = Self.withoutOrphanTranslations(inventory.markdown, scanner: scanner, diagnostics: &diagnostics)
    let contactsURL = scanner.contentURL.appendingPathComponent("contacts.yaml")
    if FileManager.default.fileExists(atPath: contactsURL.path) {
      do throws(BuildFailure) {
        let read = try ContactsFile.read(try SourceFile.read(contactsURL, displayPath: contactsPath))
        regions = read.value
        diagnostics.append(contentsOf: read.diagnostics)
      } catch {
        diagnostics.append(contentsOf: error.diagnostics)
      }
    }
    let glossary = readGlossary(scanner, languages: Set(settings?.languages.map(\.id) ?? []), diagnostics: &diagnostics)
    if let overlayScanner {
      settings?.local = readOverlaySettings(overlayScanner, inventory: inventory, diagnostics: &diagnostics)
      regions = readOverlayContacts(overlayScanner, addingTo: regions, diagnostics: &diagnostics)
    }

    let reused = inventory.markdown.parallelMap { entry -> Result<LoadedFile, BuildFailure> in
      let state = FileState(path: entry.url.path)
      if let state, let known = previous.files[entry.contentPath], known.state == state, known.entry.url == entry.url {
        return .success(known)
      }
      return readFrontMatter(entry, state: state)
    }
    // A translation of a draft is left out with it.
    let draftOriginals = Set(
      zip(inventory.markdown, reused).compactMap { entry, result -> String? in
        guard !includeDrafts, entry.language == nil, case .success(let file) = result, file.isDraft else { return nil }
        return entry.contentPath
      })
    let parser = MarkdownParser(allowRawHTML: settings?.allowRawHTML ?? false)
    let loaded = reused.parallelMap { result -> Result<LoadedFile, BuildFailure> in
      guard case .success(var file) = result else { return result }
      let wanted = (includeDrafts || !file.isDraft) && !draftOriginals.contains(Self.originalPath(of: file.entry))
      if wanted && (file.body == nil || file.allowsRawHTML != parser.allowRawHTML) {
        var bodyDiagnostics = DiagnosticCollector()
        file.body = parser.parse(
          file.frontMatter.body, file: file.file, firstLine: file.frontMatter.bodyFirstLine,
          diagnostics: &bodyDiagnostics)
        file.bodyDiagnostics = bodyDiagnostics.diagnostics
        file.allowsRawHTML = parser.allowRawHTML
      }
      file.isLeftOut = !wanted
      return .success(file)
    }

    var content = LoadedContent(
      settings: settings
        ?? SiteSettings(
          title: "", description: "", language: "en", url: nil, submitURL: nil, allowRawHTML: false, roles: [],
          topics: []),
      regions: regions, guides: [], stories: [], pages: [], files: Set(inventory.files),
      fileSizes: inventory.fileSizes,
      settingsPath: settingsPath, contactsPath: contactsPath, displayRoot: scanner.displayRoot,
      overlayDisplayRoot: overlayScanner?.displayRoot, localFiles: inventory.localFiles, replacements: replacements)
    content.glossary = glossary
    var files = LoadedFiles()
    let confidentiality = ConfidentialityScan(regions: regions, share: settings?.share ?? ShareSettings())
    for (entry, result) in zip(inventory.markdown, loaded) {
      let file: LoadedFile
      switch result {
      case .success(let success): file = success
      case .failure(let failure):
        // Pages whose front matter failed still count as pages for links, so one mistake is reported once.
        diagnostics.append(contentsOf: failure.diagnostics)
        content.unreadablePages.append(entry)
        continue
      }
      files.files[entry.contentPath] = file
      diagnostics.append(contentsOf: file.frontMatterDiagnostics)
      if case .story = file.fields { diagnostics.append(contentsOf: confidentiality.warnings(in: file.file)) }
      guard let body = file.body, !file.isLeftOut else {
        content.draftPaths.insert(entry.contentPath)
        continue
      }
      diagnostics.append(contentsOf: file.bodyDiagnostics)
      if body.isEmpty {
        diagnostics.warning(
          EmptyBodyWarning.message(for: body),
          at: SourceLocation(path: file.file.path, line: file.frontMatter.bodyFirstLine))
      }
      switch file.fields {
      case .guide(let fields):
        content.guides.append(.init(entry: entry, file: file.file, frontMatter: fields, body: body))
      case .story(let fields):
        content.stories.append(.init(entry: entry, file: file.file, frontMatter: fields, body: body))
      case .page(let fields):
        content.pages.append(.init(entry: entry, file: file.file, frontMatter: fields, body: body))
      }
    }
    if content.regions.isEmpty && !FileManager.default.fileExists(atPath: contactsURL.path) {
      MissingContacts.check(&content.stories, contactsPath: contactsPath, diagnostics: &diagnostics)
    }
    if settings == nil { throw BuildFailure(diagnostics: diagnostics.diagnostics) }
    content.loadedFiles = files
    return Checked(value: content, diagnostics: diagnostics.diagnostics)
  }

  /// What the overlay folder holds, or nil (with an error) when it is missing or overlaps the Content folder.
  private func scanOverlay(_ overlay: ContentScanner, diagnostics: inout DiagnosticCollector)
    -> ContentScanner.Inventory?
  {
    let contentPath = scanner.contentURL.resolvingSymlinksInPath().path
    let overlayPath = overlay.contentURL.resolvingSymlinksInPath().path
    if overlayPath == contentPath || overlayPath.hasPrefix(contentPath + "/")
      || contentPath.hasPrefix(overlayPath + "/")
    {
      // Each would read the other's files as its own.
      diagnostics.error(
        "the overlay folder must be outside the Content folder, and the Content folder outside it",
        at: SourceLocation(path: overlay.folderName))
      return nil
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: overlay.contentURL.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      diagnostics.error(
        "the overlay folder does not exist; it should be laid out like Content/",
        at: SourceLocation(path: overlay.folderName))
      return nil
    }
    return overlay.scan(diagnostics: &diagnostics)
  }

  /// The overlay's `site.yaml`, if it has one; its logo must be an image in the overlay folder.
  private func readOverlaySettings(
    _ overlay: ContentScanner, inventory: ContentScanner.Inventory, diagnostics: inout DiagnosticCollector
  ) -> LocalSettings {
    let url = overlay.contentURL.appendingPathComponent("site.yaml")
    guard FileManager.default.fileExists(atPath: url.path) else { return LocalSettings() }
    do throws(BuildFailure) {
      let read = try LocalSettingsFile.read(try SourceFile.read(url, displayPath: overlay.displayPath("site.yaml")))
      var (settings, logo) = read.value
      diagnostics.append(contentsOf: read.diagnostics)
      settings.logo = nil
      guard let logo else { return settings }
      guard let path = RelativeLink.normalize(logo.value, in: ""), inventory.localFiles.contains(path) else {
        diagnostics.error(
          "the logo '\(logo.value)' is not a file in the overlay folder '\(overlay.folderName)'", at: logo.location)
        return settings
      }
      guard Self.imageExtensions.contains((path as NSString).pathExtension.lowercased()) else {
        diagnostics.error(
          "the logo must be an image (\(Self.imageExtensions.sorted().joined(separator: ", "))), found '\(logo.value)'",
          at: logo.location)
        return settings
      }
      settings.logo = path
      return settings
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
      return LocalSettings()
    }
  }

  static let imageExtensions: Set<String> = ["svg", "png", "jpg", "jpeg", "gif", "webp"]

  /// The terms of `glossary.yaml`, when there is one.
  private func readGlossary(_ scanner: ContentScanner, languages: Set<String>, diagnostics: inout DiagnosticCollector)
    -> [GlossaryTerm]
  {
    let url = scanner.contentURL.appendingPathComponent("glossary.yaml")
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    do throws(BuildFailure) {
      let read = try GlossaryFile.read(
        try SourceFile.read(url, displayPath: scanner.displayPath("glossary.yaml")), languages: languages)
      diagnostics.append(contentsOf: read.diagnostics)
      return read.value
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
      return []
    }
  }

  /// The regions and contacts the overlay's `contacts.yaml` adds to the statewide ones.
  private func readOverlayContacts(
    _ overlay: ContentScanner, addingTo regions: [Located<Region>], diagnostics: inout DiagnosticCollector
  ) -> [Located<Region>] {
    let url = overlay.contentURL.appendingPathComponent("contacts.yaml")
    guard FileManager.default.fileExists(atPath: url.path) else { return regions }
    do throws(BuildFailure) {
      let file = try SourceFile.read(url, displayPath: overlay.displayPath("contacts.yaml"))
      let merged = try ContactsFile.read(file, addingTo: regions)
      diagnostics.append(contentsOf: merged.diagnostics)
      return merged.value
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
      return regions
    }
  }

  /// The content path of the original a translation translates (its own path for an original).
  static func originalPath(of entry: ContentScanner.MarkdownEntry) -> String {
    guard entry.language != nil else { return entry.contentPath }
    return RelativeLink.directory(of: entry.contentPath) + "/\(entry.slug).md"
  }

  /// Leaves out, with a warning, each translation that has no original beside it.
  private static func withoutOrphanTranslations(
    _ entries: [ContentScanner.MarkdownEntry], scanner: ContentScanner, diagnostics: inout DiagnosticCollector
  ) -> [ContentScanner.MarkdownEntry] {
    let originals = Set(entries.filter { $0.language == nil }.map(\.contentPath))
    return entries.filter { entry in
      let original = originalPath(of: entry)
      guard entry.language != nil, !originals.contains(original) else { return true }
      diagnostics.warning(
        "this translation has no original: there is no '\(scanner.displayPath(original))' beside it, so it is left out of the site",
        at: SourceLocation(path: entry.displayPath))
      return false
    }
  }

  /// The file read and its front matter decoded; its body is parsed later, unless it is left out.
  private func readFrontMatter(_ entry: ContentScanner.MarkdownEntry, state: FileState?) -> Result<
    LoadedFile, BuildFailure
  > {
    Result { () throws(BuildFailure) -> LoadedFile in
      let file = try SourceFile.read(entry.url, displayPath: entry.displayPath)
      let frontMatter = try FrontMatter.split(file)
      let mapping = try YAMLDocument.parse(frontMatter.yaml, file: file, firstLine: frontMatter.yamlFirstLine)
      let reader = YAMLFields(mapping, file: file, firstLine: frontMatter.yamlFirstLine, yaml: frontMatter.yaml)
      let fields: LoadedFile.Fields?
      switch entry.kind {
      case .guide: fields = GuideFrontMatter(reader, isTranslation: entry.language != nil).map(LoadedFile.Fields.guide)
      case .story: fields = StoryFrontMatter(reader, isTranslation: entry.language != nil).map(LoadedFile.Fields.story)
      case .page: fields = PageFrontMatter(reader).map(LoadedFile.Fields.page)
      }
      let diagnostics = try reader.diagnostics.finish()
      guard let fields else { throw BuildFailure(diagnostics: reader.diagnostics.diagnostics) }
      return LoadedFile(
        state: state, entry: entry, file: file, frontMatter: frontMatter, fields: fields,
        frontMatterDiagnostics: diagnostics)
    }
  }
}
