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
  private struct Header: Sendable {
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

  func load() throws(BuildFailure) -> (LoadedContent, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    var inventory = scanner.scan(diagnostics: &diagnostics)
    var replacements: [OverlayReplacement] = []
    if let overlayScanner {
      var isDirectory: ObjCBool = false
      let contentPath = scanner.contentURL.resolvingSymlinksInPath().path
      let overlayPath = overlayScanner.contentURL.resolvingSymlinksInPath().path
      if overlayPath == contentPath || overlayPath.hasPrefix(contentPath + "/")
        || contentPath.hasPrefix(overlayPath + "/")
      {
        // Each would read the other's files as its own.
        diagnostics.error(
          "the overlay folder must be outside the Content folder, and the Content folder outside it",
          at: SourceLocation(path: overlayScanner.folderName))
      } else if FileManager.default.fileExists(atPath: overlayScanner.contentURL.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        (inventory, replacements) = ContentOverlay.merge(
          inventory, scannedBy: scanner, with: overlayScanner.scan(diagnostics: &diagnostics), scannedBy: overlayScanner
        )
      } else {
        diagnostics.error(
          "the overlay folder does not exist; it should be laid out like Content/",
          at: SourceLocation(path: overlayScanner.folderName))
      }
    }
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

    let headerResults = inventory.markdown.parallelMap { entry in readHeader(entry) }
    var headers: [Header] = []
    var drafts: Set<String> = []
    // Pages whose front matter failed still count as pages for links, so one mistake is reported once.
    var unreadable: [ContentScanner.MarkdownEntry] = []
    for (entry, result) in zip(inventory.markdown, headerResults) {
      switch result {
      case .success(let header):
        diagnostics.append(contentsOf: header.diagnostics)
        if includeDrafts || !header.isDraft { headers.append(header) } else { drafts.insert(entry.contentPath) }
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

    let renderer = MarkdownRenderer(allowRawHTML: settings?.allowRawHTML ?? false)
    let rendered = headers.parallelMap { header in
      var bodyDiagnostics = DiagnosticCollector()
      let resolver = LinkResolver(
        inventory: linkInventory, sourcePath: header.entry.contentPath, outputPath: Self.outputPath(of: header.entry))
      let body = renderer.render(
        header.frontMatter.body, file: header.file, firstLine: header.frontMatter.bodyFirstLine,
        links: resolver, diagnostics: &bodyDiagnostics)
      return (body, resolver, bodyDiagnostics.diagnostics)
    }

    var content = LoadedContent(
      settings: settings
        ?? SiteSettings(
          title: "", description: "", language: "en", url: nil, submitURL: nil, allowRawHTML: false, roles: [],
          topics: []),
      regions: regions, guides: [], stories: [], pages: [], inventory: linkInventory,
      fileSizes: inventory.fileSizes,
      settingsPath: settingsPath, contactsPath: contactsPath, displayRoot: scanner.displayRoot,
      overlayDisplayRoot: overlayScanner?.displayRoot, localFiles: inventory.localFiles, replacements: replacements)
    for (header, (body, resolver, bodyDiagnostics)) in zip(headers, rendered) {
      diagnostics.append(contentsOf: bodyDiagnostics)
      if body.text.isEmpty && body.files.isEmpty {
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
            slug: entry.slug, contentPath: entry.contentPath, outputPath: output, file: header.file,
            frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      case .story(let fields):
        content.stories.append(
          .init(
            slug: entry.slug, contentPath: entry.contentPath, outputPath: output, file: header.file,
            frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      case .page(let fields):
        content.pages.append(
          .init(
            slug: entry.slug, contentPath: entry.contentPath, outputPath: output, file: header.file,
            frontMatter: fields, body: body, linkResolver: resolver, isLocal: entry.isLocal))
      }
    }
    if settings == nil { throw BuildFailure(diagnostics: diagnostics.diagnostics) }
    content.unreadablePages = Set(unreadable.map(Self.outputPath))
    return (content, diagnostics.diagnostics)
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
    switch entry.kind {
    case .guide: Route.guide(entry.slug).path
    case .story: Route.story(entry.slug).path
    case .page: Route.page(entry.slug).path
    }
  }

  private func readHeader(_ entry: ContentScanner.MarkdownEntry) -> Result<Header, BuildFailure> {
    Result { () throws(BuildFailure) -> Header in
      let file = try SourceFile.read(entry.url, displayPath: entry.displayPath)
      let frontMatter = try FrontMatter.split(file)
      let mapping = try YAMLDocument.parse(frontMatter.yaml, file: file, firstLine: frontMatter.yamlFirstLine)
      let reader = YAMLFields(mapping, file: file, firstLine: frontMatter.yamlFirstLine)
      let fields: Header.Fields?
      switch entry.kind {
      case .guide: fields = GuideFrontMatter(reader).map(Header.Fields.guide)
      case .story: fields = StoryFrontMatter(reader).map(Header.Fields.story)
      case .page: fields = PageFrontMatter(reader).map(Header.Fields.page)
      }
      let diagnostics = try reader.diagnostics.finish()
      guard let fields else { throw BuildFailure(diagnostics: reader.diagnostics.diagnostics) }
      return Header(entry: entry, file: file, frontMatter: frontMatter, fields: fields, diagnostics: diagnostics)
    }
  }
}
