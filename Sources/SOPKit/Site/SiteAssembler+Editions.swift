extension SiteAssembler {
  /// The site in `language`: each page's translation where there is one (its own title, summary, text and
  /// `updated`; roles, topics, tags and attachments from the original unless it gives them), else the original,
  /// marked with its language. Roles and topics carry their `translations:` names.
  func edition(
    _ language: SiteLanguage, of base: Site, tables: Tables, tags: inout TagCollector, files: inout Set<String>,
    diagnostics: inout DiagnosticCollector
  ) -> Site {
    let id = language.id
    let localRoles = tables.roles.mapValues { $0.localized(id) }
    let localTopics = tables.topics.mapValues { $0.localized(id) }
    func localized(_ roles: [Role]) -> [Role] { roles.map { $0.localized(id) } }
    func localized(_ topics: [Topic]) -> [Topic] { topics.map { $0.localized(id) } }
    let guideTranslations = translations(guides, in: id)
    let storyTranslations = translations(stories, in: id)
    let pageTranslations = translations(pages, in: id)

    var guides: [Guide] = base.guides.map { original in
      var guide = original
      guide.roles = localized(original.roles)
      guide.topics = localized(original.topics)
      guide.related = []
      guard let page = guideTranslations[original.slug] else {
        guide.fallbackLanguage = base.language.id
        return guide
      }
      let meta = page.frontMatter
      guide.title = meta.title
      guide.summary = meta.summary
      guide.body = page.body
      guide.isLocal = page.isLocal
      guide.updated = meta.updated
      guide.pathPrefix = language.pathPrefix
      if !meta.roles.isEmpty {
        guide.roles = lookUp(meta.roles, in: localRoles, as: .role, diagnostics: &diagnostics)
      }
      if !meta.topics.isEmpty {
        guide.topics = lookUp(meta.topics, in: localTopics, as: .topic, diagnostics: &diagnostics)
      }
      if !meta.tags.isEmpty { guide.tags = tags.resolve(meta.tags, diagnostics: &diagnostics) }
      if !meta.attachments.isEmpty {
        guide.attachments = attachments(meta.attachments, of: page, files: &files, diagnostics: &diagnostics)
      }
      if let translated = meta.updated, let originalDate = original.updated, translated < originalDate {
        diagnostics.warning(
          "outdated translation: it was updated \(translated), but its original '\(content.displayPath("guides/\(original.slug).md"))' was updated \(originalDate); bring it up to date, then change 'updated'",
          at: meta.updatedLocation ?? page.location)
      }
      return guide
    }
    guides = guides.sortedAToZ()
    RelatedGuides.fill(&guides)

    var stories: [Story] = base.stories.map { original in
      var story = original
      story.roles = localized(original.roles)
      guard let page = storyTranslations[original.slug] else {
        story.fallbackLanguage = base.language.id
        return story
      }
      let meta = page.frontMatter
      story.title = meta.title
      story.summary = meta.summary
      story.body = page.body
      story.isLocal = page.isLocal
      story.pathPrefix = language.pathPrefix
      story.date = meta.date ?? original.date
      story.county = meta.county ?? original.county
      story.category = meta.category?.value ?? original.category
      if let region = meta.region {
        story.region = lookUp([region], in: tables.regions, as: .region, diagnostics: &diagnostics).first
      }
      if !meta.roles.isEmpty {
        story.roles = lookUp(meta.roles, in: localRoles, as: .role, diagnostics: &diagnostics)
      }
      if !meta.tags.isEmpty { story.tags = tags.resolve(meta.tags, diagnostics: &diagnostics) }
      if meta.image != nil {
        story.image = image(meta.image, alt: meta.imageAlt, of: page, files: &files, diagnostics: &diagnostics)
      } else if let alt = meta.imageAlt {
        story.image?.alt = alt
      }
      return story
    }
    stories.sort(by: Self.newestFirst)

    var pages: [AboutPage] = base.pages.map { original in
      var about = original
      guard let page = pageTranslations[original.slug] else {
        about.fallbackLanguage = base.language.id
        return about
      }
      about.title = page.frontMatter.title
      about.summary = page.frontMatter.summary
      about.body = page.body
      about.isLocal = page.isLocal
      about.pathPrefix = language.pathPrefix
      if page.frontMatter.order != Int.max { about.order = page.frontMatter.order }
      return about
    }
    pages.sort(by: Self.readingOrder)

    var settings = base.settings
    settings.language = id
    settings.title = language.title ?? settings.title
    settings.description = language.description ?? settings.description
    settings.roles = localized(settings.roles)
    settings.topics = localized(settings.topics)
    settings.categories = settings.categories.map { $0.localized(id) }
    // A category from site.yaml reads in the edition's language, whatever the story's text wrote.
    for index in stories.indices {
      if let category = settings.categories.first(where: { $0.id == stories[index].categoryID }) {
        stories[index].category = category.name
      }
    }
    var tagsBySlug: [String: Tag] = [:]
    for tag in guides.flatMap(\.tags) + stories.flatMap(\.tags) where tagsBySlug[tag.slug] == nil {
      tagsBySlug[tag.slug] = tag
    }
    let editionTags = tagsBySlug.values.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
    return Site(
      settings: settings, guides: guides, stories: stories, pages: pages, regions: base.regions, tags: editionTags,
      files: [], language: language, languages: base.languages)
  }

  /// The pages of one kind translated into `language`, by slug.
  private func translations<Meta>(_ pages: [Page<Meta>], in language: String) -> [String: Page<Meta>] {
    Dictionary(pages.filter { $0.language == language }.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
