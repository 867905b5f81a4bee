/// `sitemap.xml` (sitemaps.org 0.9): every page with its absolute address, written only when site.yaml has `url`.
struct Sitemap {
  let site: Site

  func xml() -> String? {
    guard let base = site.settings.url else { return nil }
    var entries: [(route: Route, lastModified: SimpleDate?)] = [
      (.home, nil), (.guideIndex, nil), (.storyIndex, site.stories.first?.date), (.contacts, nil), (.search, nil),
      (.share, nil),
    ]
    entries += site.guides.map { ($0.route, $0.updated) }
    entries += site.stories.map { ($0.route, $0.date) }
    entries += site.pages.map { ($0.route, nil) }
    entries += site.settings.roles.map { (.role($0.id), nil) }
    entries += site.settings.topics.map { (.topic($0.id), nil) }
    entries += site.tags.map { (.tag($0.slug), nil) }
    entries += site.settings.categories.map { (.category($0.id), site.stories(in: $0).first?.date) }
    for edition in site.editions {
      let own = edition.routesByLanguage[edition.language.id] ?? []
      entries += edition.guides.filter { own.contains($0.route) }.map { ($0.route, $0.updated) }
      entries += edition.stories.filter { own.contains($0.route) }.map { ($0.route, $0.date) }
      entries += edition.pages.filter { own.contains($0.route) }.map { ($0.route, nil) }
      entries += [Route.home, .guideIndex, .storyIndex, .contacts, .search, .share].map { ($0, nil) }
      entries +=
        edition.settings.roles.map { (.role($0.id), nil) } + edition.settings.topics.map { (.topic($0.id), nil) }
      entries += edition.tags.map { (.tag($0.slug), nil) }
      entries += edition.settings.categories.map { (.category($0.id), nil) }
    }
    // One entry per page and language; each language's own pages from the edition that has them.
    var urls: [(path: String, route: Route, lastModified: SimpleDate?)] = []
    var seen = Set<String>()
    for edition in site.allEditions {
      let own = site.routesByLanguage[edition.language.id] ?? []
      for entry in entries where own.contains(entry.route) || site.editions.isEmpty {
        let path = edition.path(of: entry.route)
        guard seen.insert(path).inserted else { continue }
        let date =
          edition.language.id == site.language.id ? entry.lastModified : lastModified(of: entry.route, in: edition)
        urls.append((path, entry.route, date))
      }
    }
    let multilingual = !site.editions.isEmpty
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\(multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : "")>

      """
    for url in urls.sorted(by: { $0.path < $1.path }) {
      xml += "  <url><loc>\(XMLText.escape(base + RelativeLink.encode(url.path)))</loc>"
      if let date = url.lastModified { xml += "<lastmod>\(date)</lastmod>" }
      if multilingual {
        for language in site.languages where site.routesByLanguage[language.id]?.contains(url.route) == true {
          let href = base + RelativeLink.encode(language.pathPrefix + url.route.path)
          xml +=
            "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(language.id))\" href=\"\(XMLText.escape(href))\"/>"
        }
      }
      xml += "</url>\n"
    }
    xml += "</urlset>\n"
    return xml
  }

  /// When a page of another edition last changed: its own `updated` or date, where it has one.
  private func lastModified(of route: Route, in edition: Site) -> SimpleDate? {
    switch route {
    case .guide: edition.guides.first { $0.route == route }?.updated
    case .story: edition.stories.first { $0.route == route }?.date
    case .storyIndex: edition.stories.first?.date
    default: nil
    }
  }
}
