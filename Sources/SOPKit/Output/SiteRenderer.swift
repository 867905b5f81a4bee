import Foundation

/// The Render stage: turns the `Site` into every file the build writes, pages in parallel,
/// sorted by path so two builds of the same input are byte-identical.
struct SiteRenderer: Sendable {
  let site: Site
  let templates: TemplateSet

  /// One page to render: where it goes, which body template it uses and how its context is made.
  private struct Job: Sendable {
    var route: Route
    var template: String
    var context: @Sendable (PageContext) -> [String: Any]
  }

  func render() -> [RenderedFile] {
    let pages = jobs().parallelMap { job in
      let context = PageContext(site: site, strings: templates.strings, route: job.route)
      return RenderedFile(path: job.route.path, text: templates.render(job.template, context: job.context(context)))
    }
    var files = pages
    files.append(RenderedFile(path: Route.feed.path, text: AtomFeed(site: site, strings: templates.strings).xml()))
    if let sitemap = Sitemap(site: site).xml() { files.append(RenderedFile(path: Route.sitemap.path, text: sitemap)) }
    return files.sorted { $0.path < $1.path }
  }

  private func jobs() -> [Job] {
    var jobs: [Job] = [
      Job(route: .home, template: "home") { $0.home() },
      Job(route: .guideIndex, template: "guide-index") { $0.guideIndex() },
      Job(route: .storyIndex, template: "story-index") { $0.storyIndex() },
      Job(route: .contacts, template: "contacts") { $0.contacts() },
      Job(route: .search, template: "search") { $0.base(title: "", description: "", kind: "search") },
      Job(route: .notFound, template: "404") { $0.base(title: "", description: "", kind: "404") },
    ]
    jobs += site.guides.map { guide in Job(route: guide.route, template: "guide") { $0.guide(guide) } }
    jobs += site.stories.map { story in Job(route: story.route, template: "story") { $0.story(story) } }
    jobs += site.pages.indices.map { index in
      Job(route: site.pages[index].route, template: "page") { $0.aboutPage(at: index) }
    }
    jobs += site.settings.roles.map { role in Job(route: .role(role.id), template: "role") { $0.role(role) } }
    jobs += site.settings.topics.map { topic in Job(route: .topic(topic.id), template: "topic") { $0.topic(topic) } }
    jobs += site.tags.map { tag in Job(route: .tag(tag.slug), template: "tag") { $0.tag(tag) } }
    return jobs
  }
}
