/// The Assemble stage: turns `LoadedContent` into a `Site`, resolving and checking every cross-reference
/// (role, topic and region ids, attachments, images, links between pages and their anchors).
///
/// The default language's pages make the `Site`; each other language gets an edition (`Site.editions`) with
/// its translations and, where a page is not translated, the original.
struct SiteAssembler {
  let content: LoadedContent
  /// The content's pages with their links resolved.
  let guides: [Page<GuideFrontMatter>]
  let stories: [Page<StoryFrontMatter>]
  let pages: [Page<PageFrontMatter>]
  /// What resolving the pages' links found.
  private let linkDiagnostics: [Diagnostic]

  init(content: LoadedContent) {
    self.content = content
    let inventory = Self.linkInventory(of: content)
    let guides = Self.resolveLinks(of: content.guides, inventory: inventory)
    let stories = Self.resolveLinks(of: content.stories, inventory: inventory)
    let pages = Self.resolveLinks(of: content.pages, inventory: inventory)
    self.guides = guides.map(\.value)
    self.stories = stories.map(\.value)
    self.pages = pages.map(\.value)
    linkDiagnostics = guides.flatMap(\.diagnostics) + stories.flatMap(\.diagnostics) + pages.flatMap(\.diagnostics)
  }

  /// The roles, topics and regions every page's ids are looked up in.
  struct Tables {
    var roles: [String: Role]
    var topics: [String: Topic]
    var regions: [String: Region]
  }

  func assemble() throws(BuildFailure) -> Checked<Site> {
    var diagnostics = DiagnosticCollector()
    diagnostics.append(contentsOf: linkDiagnostics)
    let settings = content.settings
    var regions: [String: Region] = [:]
    for region in content.regions { regions[region.value.id] = region.value }
    let tables = Tables(
      roles: Dictionary(uniqueKeysWithValues: settings.roles.map { ($0.id, $0) }),
      topics: Dictionary(uniqueKeysWithValues: settings.topics.map { ($0.id, $0) }), regions: regions)
    var tags = TagCollector()
    var files = Set<String>()

    var guides: [Guide] = self.guides.filter { $0.language == nil }.map { page in
      let meta = page.frontMatter
      return Guide(
        slug: page.slug, title: meta.title, summary: meta.summary,
        roles: lookUp(meta.roles, in: tables.roles, as: .role, diagnostics: &diagnostics),
        topics: lookUp(meta.topics, in: tables.topics, as: .topic, diagnostics: &diagnostics),
        tags: tags.resolve(meta.tags, diagnostics: &diagnostics), updated: meta.updated,
        attachments: attachments(meta.attachments, of: page, files: &files, diagnostics: &diagnostics),
        body: page.body, isLocal: page.isLocal, related: [])
    }
    guides = guides.sortedAToZ()
    RelatedGuides.fill(&guides)

    var stories: [Story] = self.stories.filter { $0.language == nil }.compactMap { page in
      let meta = page.frontMatter
      let image = image(meta.image, alt: meta.imageAlt, of: page, files: &files, diagnostics: &diagnostics)
      var region: Region?
      if let id = meta.region {
        region = lookUp([id], in: tables.regions, as: .region, diagnostics: &diagnostics).first
      }
      guard let date = meta.date else { return nil }
      let category = storyCategory(meta.category, diagnostics: &diagnostics)
      var story = Story(
        slug: page.slug, title: meta.title, date: date, summary: meta.summary, county: meta.county, region: region,
        category: category?.name ?? meta.category?.value, tags: tags.resolve(meta.tags, diagnostics: &diagnostics),
        roles: lookUp(meta.roles, in: tables.roles, as: .role, diagnostics: &diagnostics), image: image,
        body: page.body, isLocal: page.isLocal)
      story.categoryID = category?.id
      return story
    }
    stories.sort(by: Self.newestFirst)

    var pages = self.pages.filter { $0.language == nil }.map { page in
      AboutPage(
        slug: page.slug, title: page.frontMatter.title, order: page.frontMatter.order,
        summary: page.frontMatter.summary, body: page.body, isLocal: page.isLocal)
    }
    pages.sort(by: Self.readingOrder)

    let bodies =
      self.guides.map { ($0.outputPath, $0.body, $0.location) }
      + self.stories.map { ($0.outputPath, $0.body, $0.location) }
      + self.pages.map { ($0.outputPath, $0.body, $0.location) }
    for (_, body, _) in bodies { files.formUnion(body.files) }
    if let logo = settings.local?.logo { files.insert(logo) }

    let defaultLanguage = SiteLanguage(
      id: settings.language, name: settings.languageName ?? settings.language, pathPrefix: "")
    var site = Site(
      settings: settings, guides: guides, stories: stories, pages: pages,
      regions: content.regions.map(\.value), tags: tags.all, files: [],
      language: defaultLanguage, languages: [defaultLanguage] + settings.languages)
    site.glossary = content.glossary
    site.editions = settings.languages.map { language in
      edition(language, of: site, tables: tables, tags: &tags, files: &files, diagnostics: &diagnostics)
    }
    site.files = files.sorted()
    site.localFiles = files.intersection(content.localFiles)
    var routesByLanguage: [String: Set<Route>] = [:]
    for edition in site.allEditions { routesByLanguage[edition.language.id] = edition.ownRoutes }
    site.routesByLanguage = routesByLanguage
    for index in site.editions.indices {
      site.editions[index].routesByLanguage = routesByLanguage
      site.editions[index].files = site.files
      site.editions[index].glossary = site.glossary
      site.editions[index].localFiles = site.localFiles
    }
    let routes = claimRoutes(of: site, diagnostics: &diagnostics)
    var anchors: [String: Set<String>] = [:]
    for (path, body, _) in bodies { anchors[path] = Set(body.headings.map(\.id) + body.htmlAnchors) }
    for edition in site.allEditions { anchors[edition.path(of: .contacts)] = Set(site.regions.map(\.id)) }
    let targets = LinkTargets(
      paths: routes.paths, anchors: anchors, unreadable: Set(content.unreadablePages.map(Route.outputPath)),
      sources: Dictionary(bodies.map { ($0.0, $0.2.path) }, uniquingKeysWith: { first, _ in first }))
    site.linkTargets = targets
    // On every core: at 100,000 guides the 1.5 million links took a second on one.
    let linkErrors = bodies.map(\.1).parallelMap { body in
      var found = DiagnosticCollector()
      targets.check(body, diagnostics: &found)
      return found.diagnostics
    }
    for errors in linkErrors { diagnostics.append(contentsOf: errors) }
    return Checked(value: site, diagnostics: try diagnostics.finish())
  }

  static func newestFirst(_ a: Story, _ b: Story) -> Bool {
    (a.date, b.title.lowercased()) > (b.date, a.title.lowercased())
  }

  static func readingOrder(_ a: AboutPage, _ b: AboutPage) -> Bool {
    (a.order, a.title.lowercased()) < (b.order, b.title.lowercased())
  }

  /// The kinds of id a page may name: each is listed in one file, and roles and topics in a set order.
  enum Reference {
    case role, topic, region

    var name: String {
      switch self {
      case .role: "role"
      case .topic: "topic"
      case .region: "region"
      }
    }
  }

  /// The values `ids` name, each once, in the order `reference`'s source lists them; unknown ids are errors.
  func lookUp<Value>(
    _ ids: [Located<String>], in table: [String: Value], as reference: Reference,
    diagnostics: inout DiagnosticCollector
  ) -> [Value] {
    let file = reference == .region ? content.contactsPath : content.settingsPath
    var seen = Set<String>()
    let found = ids.compactMap { id -> (String, Value)? in
      guard seen.insert(id.value).inserted else { return nil }
      guard let value = table[id.value] else {
        diagnostics.error(
          DidYouMean.unknownID(id.value, kind: reference.name, among: table.keys.sorted(), listedIn: file),
          at: id.location)
        return nil
      }
      return (id.value, value)
    }
    let order: [String] =
      switch reference {
      case .role: content.settings.roles.map(\.id)
      case .topic: content.settings.topics.map(\.id)
      case .region: found.map(\.0)
      }
    let wanted = Dictionary(found, uniquingKeysWith: { first, _ in first })
    return order.compactMap { wanted[$0] }
  }

  func attachments<Meta>(
    _ references: [AttachmentReference], of page: Page<Meta>, files: inout Set<String>,
    diagnostics: inout DiagnosticCollector
  ) -> [Attachment] {
    references.compactMap { reference -> Attachment? in
      guard let path = resolveFile(reference.file, of: page, diagnostics: &diagnostics) else { return nil }
      files.insert(path)
      return Attachment(title: reference.title, path: path, byteCount: content.fileSizes[path] ?? 0)
    }
  }

  func image<Meta>(
    _ reference: Located<String>?, alt: String?, of page: Page<Meta>, files: inout Set<String>,
    diagnostics: inout DiagnosticCollector
  ) -> Story.Image? {
    guard let reference, let path = resolveFile(reference, of: page, diagnostics: &diagnostics) else { return nil }
    files.insert(path)
    return Story.Image(path: path, alt: alt ?? "")
  }

  /// A front-matter path (attachment, story image) that must name a file under Content/.
  private func resolveFile<Meta>(
    _ reference: Located<String>, of page: Page<Meta>, diagnostics: inout DiagnosticCollector
  ) -> String? {
    switch page.linkResolver.resolve(reference.value, base: .contentRoot) {
    case .file(_, let path):
      return path
    case .refused(_, let message):
      diagnostics.error(message.replacingOccurrences(of: "the link", with: "the file"), at: reference.location)
    case .external, .page:
      diagnostics.error("'\(reference.value)' must be a file under the Content folder", at: reference.location)
    }
    return nil
  }

  private func claimRoutes(of site: Site, diagnostics: inout DiagnosticCollector) -> RouteTable {
    var routes = RouteTable()
    var generated: [String] = [Route.feed.path] + site.settings.categories.map { Route.categoryFeed($0.id).path }
    if site.settings.url != nil { generated.append(Route.sitemap.path) }
    for edition in site.allEditions {
      let own = edition.ownRoutes.filter {
        switch $0 {
        case .guide, .story, .page: false
        default: true
        }
      }
      generated += own.map(edition.path(of:)).sorted()
    }
    for path in generated { routes.claim(path, by: nil, diagnostics: &diagnostics) }
    for page in guides { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for page in stories { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for page in pages { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for file in site.files {
      routes.claim(file, by: SourceLocation(path: content.displayPath(file)), diagnostics: &diagnostics)
    }
    return routes
  }
}
