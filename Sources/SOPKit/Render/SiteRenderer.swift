import Foundation

/// The Render stage: turns the `Site` into its pages, in parallel, and its feed and sitemap.
///
/// Each file goes to a `FileSink` as soon as it is made; the paths come back in no particular order.
struct SiteRenderer: Sendable {
  let site: Site
  let templates: TemplateSet

  /// One page to render: its edition, where it goes, its kind (which names its body template) and how its
  /// context is made.
  private struct Job: Sendable {
    var site: Site
    var route: Route
    var kind: PageKind
    var context: @Sendable (PageContext) -> [String: Any]
  }

  /// Every page, or only those whose output path is in `only`; the feed and sitemap always.
  func render(only: Set<String>? = nil, into sink: any FileSink) -> [String] {
    var paths = pages(only: only, into: sink)
    paths.append(
      sink.put(RenderedFile(path: Route.feed.path, text: AtomFeed(site: site, strings: templates.strings).xml())))
    for category in site.settings.categories {
      let feed = AtomFeed(site: site, strings: templates.strings, category: category)
      paths.append(sink.put(RenderedFile(path: Route.categoryFeed(category.id).path, text: feed.xml())))
    }
    if let sitemap = Sitemap(site: site).xml() {
      paths.append(sink.put(RenderedFile(path: Route.sitemap.path, text: sitemap)))
    }
    return paths
  }

  /// Every page, or only those whose output path is in `only`.
  private func pages(only: Set<String>?, into sink: any FileSink) -> [String] {
    let all = site.allEditions.flatMap(jobs)
    let selected = only.map { only in all.filter { only.contains($0.site.path(of: $0.route)) } } ?? all
    let items = Dictionary(
      uniqueKeysWithValues: site.allEditions.map {
        ($0.language.id, GuideItems(library: templates.library(for: $0.language.id)))
      })
    return selected.parallelMap { job in
      let context = PageContext(
        site: job.site, strings: templates.strings(for: job.site.language.id), route: job.route,
        stringsByLanguage: templates.stringsByLanguage, items: items[job.site.language.id])
      let path = job.site.path(of: job.route)
      let library = templates.library(
        for: job.site.language.id, folder: RelativeLink.directory(of: path), values: context.foldableValues)
      return sink.put(
        RenderedFile(
          path: path, text: templates.render(job.kind.template, context: job.context(context), library: library)))
    }
  }

  /// The pages of one edition: every list, and the guides, stories and about pages written in its language.
  private func jobs(_ site: Site) -> [Job] {
    var jobs: [Job] = [
      Job(site: site, route: .home, kind: .home) { $0.home() },
      Job(site: site, route: .guideIndex, kind: .guideIndex) { $0.guideIndex() },
      Job(site: site, route: .storyIndex, kind: .storyIndex) { $0.storyIndex() },
      Job(site: site, route: .contacts, kind: .contacts) { $0.contacts() },
      Job(site: site, route: .search, kind: .search) { $0.base(title: "", description: "", kind: .search) },
      Job(site: site, route: .notFound, kind: .notFound) { $0.base(title: "", description: "", kind: .notFound) },
    ]
    // Optional, so that a site with templates of its own from before the share page still builds.
    if templates.library.getTemplate(named: PageKind.share.template) != nil {
      jobs.append(Job(site: site, route: .share, kind: .share) { $0.share() })
    }
    if templates.library.getTemplate(named: PageKind.category.template) != nil {
      jobs += site.settings.categories.map { category in
        Job(site: site, route: .category(category.id), kind: .category) { $0.category(category) }
      }
    }
    jobs += site.guides.filter { $0.fallbackLanguage == nil }.map { guide in
      Job(site: site, route: guide.route, kind: .guide) { $0.guide(guide) }
    }
    jobs += site.stories.filter { $0.fallbackLanguage == nil }.map { story in
      Job(site: site, route: story.route, kind: .story) { $0.story(story) }
    }
    jobs += site.pages.indices.filter { site.pages[$0].fallbackLanguage == nil }.map { index in
      Job(site: site, route: site.pages[index].route, kind: .page) { $0.aboutPage(at: index) }
    }
    jobs += site.settings.roles.map { role in
      Job(site: site, route: .role(role.id), kind: .role) { $0.role(role) }
    }
    jobs += site.settings.topics.map { topic in
      Job(site: site, route: .topic(topic.id), kind: .topic) { $0.topic(topic) }
    }
    // One pass over the guides for every tag page: each page reading every guide took a tenth of a second in all
    // at 10,000 guides and 200 tags.
    var guidesByTag: [String: [Guide]] = [:]
    for guide in site.guides {
      for tag in guide.tags { guidesByTag[tag.slug, default: []].append(guide) }
    }
    jobs += site.tags.map { tag in
      Job(site: site, route: .tag(tag.slug), kind: .tag) { [guides = guidesByTag[tag.slug] ?? []] in
        $0.tag(tag, guides: guides)
      }
    }
    return jobs
  }
}
