/// The Assemble stage: turns `LoadedContent` into a `Site`, resolving and checking every cross-reference
/// (role, topic and region ids, attachments, images, links between pages and their anchors).
struct SiteAssembler {
  let content: LoadedContent

  func assemble() throws(BuildFailure) -> (Site, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    let settings = content.settings
    let roles = Dictionary(uniqueKeysWithValues: settings.roles.map { ($0.id, $0) })
    let topics = Dictionary(uniqueKeysWithValues: settings.topics.map { ($0.id, $0) })
    var regions: [String: Region] = [:]
    for region in content.regions { regions[region.value.id] = region.value }
    var tags = TagCollector()
    var files = Set<String>()

    func lookUp<Value>(_ ids: [Located<String>], in table: [String: Value], kind: String, file: String) -> [Value] {
      var seen = Set<String>()
      return ids.compactMap { id in
        guard seen.insert(id.value).inserted else { return nil }
        guard let value = table[id.value] else {
          diagnostics.error(
            "unknown \(kind) '\(id.value)'\(DidYouMean.hint(for: id.value, among: table.keys)); the \(kind)s are listed in \(file)",
            at: id.location)
          return nil
        }
        return value
      }
    }
    func order<Value>(_ values: [Value], by all: [Value], id: (Value) -> String) -> [Value] {
      let wanted = Set(values.map(id))
      return all.filter { wanted.contains(id($0)) }
    }

    var guides: [Guide] = content.guides.map { page in
      let meta = page.frontMatter
      let attachments = meta.attachments.compactMap { reference -> Attachment? in
        guard let path = resolveFile(reference.file, of: page, diagnostics: &diagnostics) else { return nil }
        files.insert(path)
        return Attachment(title: reference.title, path: path, byteCount: content.fileSizes[path] ?? 0)
      }
      return Guide(
        slug: page.slug, title: meta.title, summary: meta.summary,
        roles: order(
          lookUp(meta.roles, in: roles, kind: "role", file: content.settingsPath), by: settings.roles, id: \.id),
        topics: order(
          lookUp(meta.topics, in: topics, kind: "topic", file: content.settingsPath), by: settings.topics, id: \.id),
        tags: tags.resolve(meta.tags, diagnostics: &diagnostics), updated: meta.updated, attachments: attachments,
        body: page.body, isLocal: page.isLocal, related: [])
    }
    guides.sort { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
    RelatedGuides.fill(&guides)

    var stories: [Story] = content.stories.map { page in
      let meta = page.frontMatter
      var image: Story.Image?
      if let reference = meta.image, let path = resolveFile(reference, of: page, diagnostics: &diagnostics) {
        files.insert(path)
        image = Story.Image(path: path, alt: meta.imageAlt ?? "")
      }
      var region: Region?
      if let id = meta.region {
        region = lookUp([id], in: regions, kind: "region", file: content.contactsPath).first
      }
      return Story(
        slug: page.slug, title: meta.title, date: meta.date, summary: meta.summary, county: meta.county,
        region: region, category: meta.category, tags: tags.resolve(meta.tags, diagnostics: &diagnostics),
        roles: order(
          lookUp(meta.roles, in: roles, kind: "role", file: content.settingsPath), by: settings.roles, id: \.id),
        image: image, body: page.body, isLocal: page.isLocal)
    }
    stories.sort { ($0.date, $1.title.lowercased()) > ($1.date, $0.title.lowercased()) }

    var pages = content.pages.map { page in
      AboutPage(
        slug: page.slug, title: page.frontMatter.title, order: page.frontMatter.order,
        summary: page.frontMatter.summary, body: page.body, isLocal: page.isLocal)
    }
    pages.sort { ($0.order, $0.title.lowercased()) < ($1.order, $1.title.lowercased()) }

    let bodies =
      content.guides.map { ($0.outputPath, $0.body, $0.location) }
      + content.stories.map { ($0.outputPath, $0.body, $0.location) }
      + content.pages.map { ($0.outputPath, $0.body, $0.location) }
    for (_, body, _) in bodies { files.formUnion(body.files) }
    if let logo = settings.local?.logo { files.insert(logo) }

    let site = Site(
      settings: settings, guides: guides, stories: stories, pages: pages,
      regions: content.regions.map(\.value), tags: tags.all, files: files.sorted(),
      localFiles: files.intersection(content.localFiles))
    let routes = claimRoutes(of: site, diagnostics: &diagnostics)
    checkLinks(bodies.map { ($0.0, $0.1) }, site: site, routes: routes, diagnostics: &diagnostics)
    return (site, try diagnostics.finish())
  }

  /// A front-matter path (attachment, story image) that must name a file under Content/.
  private func resolveFile<Meta>(
    _ reference: Located<String>, of page: LoadedContent.Page<Meta>, diagnostics: inout DiagnosticCollector
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
    var generated: [Route] = [.home, .guideIndex, .storyIndex, .feed, .contacts, .search, .notFound]
    if site.settings.url != nil { generated.append(.sitemap) }
    generated += site.settings.roles.map { .role($0.id) } + site.settings.topics.map { .topic($0.id) }
    generated += site.tags.map { .tag($0.slug) }
    for route in generated { routes.claim(route.path, by: nil, diagnostics: &diagnostics) }
    for page in content.guides { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for page in content.stories { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for page in content.pages { routes.claim(page.outputPath, by: page.location, diagnostics: &diagnostics) }
    for file in site.files {
      routes.claim(file, by: SourceLocation(path: content.displayPath(file)), diagnostics: &diagnostics)
    }
    return routes
  }

  /// Every link to a page of the site must reach a page that is built, and its `#anchor` a heading there.
  private func checkLinks(
    _ bodies: [(String, RenderedMarkdown)], site: Site, routes: RouteTable, diagnostics: inout DiagnosticCollector
  ) {
    var anchors: [String: Set<String>] = [:]
    for (path, body) in bodies { anchors[path] = Set(body.headings.map(\.id)) }
    anchors[Route.contacts.path] = Set(site.regions.map(\.id))
    for (_, body) in bodies {
      for link in body.pageLinks {
        guard routes.contains(link.target) || content.unreadablePages.contains(link.target) else {
          diagnostics.error("the link leads to '\(link.target)', which is not a page of this site", at: link.location)
          continue
        }
        guard let fragment = link.fragment, let ids = anchors[link.target] else { continue }
        if !ids.contains(fragment) && !HeadingAnchors.isReserved(fragment) {
          diagnostics.error(
            "the link leads to '#\(fragment)' in '\(link.target)', but no heading there has that anchor\(DidYouMean.hint(for: fragment, among: ids))",
            at: link.location)
        }
      }
    }
  }
}
