/// `sitemap.xml` (sitemaps.org 0.9): every page with its absolute address, written only when site.yaml has `url`.
struct Sitemap {
  let site: Site

  func xml() -> String? {
    guard let base = site.settings.url else { return nil }
    var entries: [(path: String, lastModified: SimpleDate?)] = [
      (Route.home.path, nil), (Route.guideIndex.path, nil), (Route.storyIndex.path, site.stories.first?.date),
      (Route.contacts.path, nil), (Route.search.path, nil),
    ]
    entries += site.guides.map { ($0.route.path, $0.updated) }
    entries += site.stories.map { ($0.route.path, $0.date) }
    entries += site.pages.map { ($0.route.path, nil) }
    entries += site.settings.roles.map { (Route.role($0.id).path, nil) }
    entries += site.settings.topics.map { (Route.topic($0.id).path, nil) }
    entries += site.tags.map { (Route.tag($0.slug).path, nil) }
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

      """
    for entry in entries.sorted(by: { $0.path < $1.path }) {
      xml += "  <url><loc>\(XMLText.escape(base + RelativeLink.encode(entry.path)))</loc>"
      if let date = entry.lastModified { xml += "<lastmod>\(date)</lastmod>" }
      xml += "</url>\n"
    }
    xml += "</urlset>\n"
    return xml
  }
}
