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

  /// A Markdown file whose front matter has been read, waiting for its body to be rendered.
  struct Header: Sendable {
    var entry: ContentScanner.MarkdownEntry
    var file: SourceFile
    var frontMatter: FrontMatter
    var fields: Fields
    var diagnostics: [Diagnostic]

    enum Fields: Sendable {
      case guide(GuideFrontMatter)
      case story(StoryFrontMatter)
      case page(PageFrontMatter)
    }

    var isDraft: Bool {
      switch fields {
      case .guide(let guide): guide.draft
      case .story(let story): story.draft
      case .page(let page): page.draft
      }
    }
  }

  /// Reads the whole Content folder; Markdown files unchanged since `previous` (same size and modification time,
  /// and, for bodies, the same set of pages and files to link to) are taken from it instead of parsed again.
  func load(reusing previous: ParsedFiles? = nil) throws(BuildFailure) -> (LoadedContent, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    let settingsPath = scanner.displayPath("site.yaml")
    let contactsPath = scanner.displayPath("contacts.yaml")
    var settings: SiteSettings?
    var regions: [Located<Region>] = []
    do throws(BuildFailure) {
      let file = try SourceFile.read(scanner.contentURL.appendingPathComponent("site.yaml"), displayPath: settingsPath)
      let (value, warnings) = try SiteSettingsFile.read(file)
      settings = value
      diagnostics.append(contentsOf: warnings)
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
        let (value, warnings) = try ContactsFile.read(try SourceFile.read(contactsURL, displayPath: contactsPath))
        regions = value
        diagnostics.append(contentsOf: warnings)
      } catch {
        diagnostics.append(contentsOf: error.diagnostics)
      }
    }
    if let overlayScanner {
      settings?.local = readOverlaySettings(overlayScanner, inventory: inventory, diagnostics: &diagnostics)
      regions = readOverlayContacts(overlayScanner, addingTo: regions, diagnostics: &diagnostics)
    }

    let headerResults = inventory.markdown.parallelMap { entry -> (FileState?, Result<Header, BuildFailure>) in
      let state = FileState(path: entry.url.path)
      if let state, let known = previous?.entries[entry.contentPath], known.state == state,
        known.header.entry.url == entry.url
      {
        return (state, .success(known.header))
      }
      return (state, readHeader(entry, scanner: scanner))
    }
    var parsed = ParsedFiles(allowRawHTML: settings?.allowRawHTML ?? false)
    var headers: [Header] = []
    var drafts: Set<String> = []
    // A translation of a draft is left out with it.
    let draftOriginals = Set(
      zip(inventory.markdown, headerResults).compactMap { entry, stateAndResult -> String? in
        guard entry.language == nil, case .success(let header) = stateAndResult.1, header.isDraft, !includeDrafts
        else {
          return nil
        }
        return entry.contentPath
      })
    // Pages whose front matter failed still count as pages for links, so one mistake is reported once.
    var unreadable: [ContentScanner.MarkdownEntry] = []
    for (entry, (state, result)) in zip(inventory.markdown, headerResults) {
      switch result {
      case .success(let header):
        if let state { parsed.entries[entry.contentPath] = ParsedFiles.Entry(state: state, header: header) }
        diagnostics.append(contentsOf: header.diagnostics)
        if (includeDrafts || !header.isDraft) && !draftOriginals.contains(Self.originalPath(of: entry)) {
          headers.append(header)
        } else {
          drafts.insert(entry.contentPath)
        }
      case .failure(let failure):
        diagnostics.append(contentsOf: failure.diagnostics)
        unreadable.append(entry)
      }
    }
    let linkInventory = LinkResolver.Inventory(
      pages: Dictionary(
        uniqueKeysWithValues: (headers.map(\.entry) + unreadable).map { ($0.contentPath, Self.outputPath(of: $0)) }),
      skippedPages: drafts,
      files: Set(inventory.files))

    parsed.inventory = linkInventory
    let bodiesReusable = previous?.inventory == linkInventory && previous?.allowRawHTML == parsed.allowRawHTML
    let renderer = MarkdownRenderer(allowRawHTML: parsed.allowRawHTML)
    let states = parsed.entries.mapValues(\.state)
    let rendered = headers.parallelMap { header -> ParsedFiles.Body in
      if bodiesReusable, let known = previous?.entries[header.entry.contentPath], let body = known.body,
        known.state == states[header.entry.contentPath], known.header.entry.url == header.entry.url
      {
        return body
      }
      var bodyDiagnostics = DiagnosticCollector()
      let resolver = LinkResolver(
        inventory: linkInventory, sourcePath: header.entry.contentPath, outputPath: Self.outputPath(of: header.entry),
        language: header.entry.language)
      let body = renderer.render(
        header.frontMatter.body, file: header.file, firstLine: header.frontMatter.bodyFirstLine,
        links: resolver, diagnostics: &bodyDiagnostics)
      return ParsedFiles.Body(markdown: body, linkResolver: resolver, diagnostics: bodyDiagnostics.diagnostics)
    }
    for (header, body) in zip(headers, rendered) { parsed.entries[header.entry.contentPath]?.body = body }

    var content = LoadedContent(
      settings: settings
        ?? SiteSettings(
          title: "", description: "", language: "en", url: nil, submitURL: nil, allowRawHTML: false, roles: [],
          topics: []),
      regions: regions, guides: [], stories: [], pages: [], inventory: linkInventory,
      fileSizes: inventory.fileSizes,
      settingsPath: settingsPath, contactsPath: contactsPath, displayRoot: scanner.displayRoot,
      overlayDisplayRoot: overlayScanner?.displayRoot, localFiles: inventory.localFiles, replacements: replacements)
    for (header, parsedBody) in zip(headers, rendered) {
      let (body, resolver) = (parsedBody.markdown, parsedBody.linkResolver)
      diagnostics.append(contentsOf: parsedBody.diagnostics)
      if body.isEmpty {
        diagnostics.warning(
          "the page has no text below its front matter",
          at: SourceLocation(path: header.file.path, line: header.frontMatter.bodyFirstLine))
      }
      let entry = header.entry
      let output = Self.outputPath(of: entry)
      switch header.fields {
      case .guide(let fields):
        content.guides.append(
          .init(
            slug: entry.slug, language: entry.language, contentPath: entry.contentPath, outputPath: output,
            file: header.file, frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      case .story(let fields):
        content.stories.append(
          .init(
            slug: entry.slug, language: entry.language, contentPath: entry.contentPath, outputPath: output,
            file: header.file, frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      case .page(let fields):
        content.pages.append(
          .init(
            slug: entry.slug, language: entry.language, contentPath: entry.contentPath, outputPath: output,
            file: header.file, frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      }
    }
    if settings == nil { throw BuildFailure(diagnostics: diagnostics.diagnostics) }
    content.unreadablePages = Set(unreadable.map(Self.outputPath))
    content.parsed = parsed
    return (content, diagnostics.diagnostics)
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
      let (read, logo, found) = try LocalSettingsFile.read(
        try SourceFile.read(url, displayPath: overlay.displayPath("site.yaml")))
      var settings = read
      diagnostics.append(contentsOf: found)
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

  /// The regions and contacts the overlay's `contacts.yaml` adds to the statewide ones.
  private func readOverlayContacts(
    _ overlay: ContentScanner, addingTo regions: [Located<Region>], diagnostics: inout DiagnosticCollector
  ) -> [Located<Region>] {
    let url = overlay.contentURL.appendingPathComponent("contacts.yaml")
    guard FileManager.default.fileExists(atPath: url.path) else { return regions }
    do throws(BuildFailure) {
      let file = try SourceFile.read(url, displayPath: overlay.displayPath("contacts.yaml"))
      let (merged, warnings) = try ContactsFile.read(file, addingTo: regions)
      diagnostics.append(contentsOf: warnings)
      return merged
    } catch {
      diagnostics.append(contentsOf: error.diagnostics)
      return regions
    }
  }

  static func outputPath(of entry: ContentScanner.MarkdownEntry) -> String {
    let prefix = entry.language.map { $0 + "/" } ?? ""
    switch entry.kind {
    case .guide: return prefix + Route.guide(entry.slug).path
    case .story: return prefix + Route.story(entry.slug).path
    case .page: return prefix + Route.page(entry.slug).path
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

  private func readHeader(_ entry: ContentScanner.MarkdownEntry, scanner: ContentScanner) -> Result<
    Header, BuildFailure
  > {
    Result { () throws(BuildFailure) -> Header in
      let file = try SourceFile.read(entry.url, displayPath: entry.displayPath)
      let frontMatter = try FrontMatter.split(file)
      let mapping = try YAMLDocument.parse(frontMatter.yaml, file: file, firstLine: frontMatter.yamlFirstLine)
      let reader = YAMLFields(mapping, file: file, firstLine: frontMatter.yamlFirstLine)
      let fields: Header.Fields?
      switch entry.kind {
      case .guide: fields = GuideFrontMatter(reader, isTranslation: entry.language != nil).map(Header.Fields.guide)
      case .story: fields = StoryFrontMatter(reader, isTranslation: entry.language != nil).map(Header.Fields.story)
      case .page: fields = PageFrontMatter(reader).map(Header.Fields.page)
      }
      let diagnostics = try reader.diagnostics.finish()
      guard let fields else { throw BuildFailure(diagnostics: reader.diagnostics.diagnostics) }
      return Header(entry: entry, file: file, frontMatter: frontMatter, fields: fields, diagnostics: diagnostics)
    }
  }
}
