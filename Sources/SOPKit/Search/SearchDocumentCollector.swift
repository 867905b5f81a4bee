/// Turns the site model into search documents: guides, stories, about pages and the contacts page.
enum SearchDocumentCollector {
  static func documents(for site: Site) -> [SearchDocument] {
    var documents: [SearchDocument] = site.guides.map { guide in
      SearchDocument(
        path: guide.path, title: guide.title, kind: .guide, roleIDs: guide.roles.map(\.id),
        date: guide.updated?.description ?? "", summary: guide.summary,
        keywords: guide.tags.map(\.name) + guide.topics.map(\.name) + guide.roles.map(\.name), body: guide.body,
        language: guide.fallbackLanguage, isLocal: guide.isLocal)
    }
    documents += site.stories.map { story in
      SearchDocument(
        path: story.path, title: story.title, kind: .story, roleIDs: story.roles.map(\.id),
        date: story.date.description, summary: story.summary,
        keywords: story.tags.map(\.name) + story.roles.map(\.name)
          + [story.county, story.region?.name, story.category]
          .compactMap { $0 },
        body: story.body, language: story.fallbackLanguage, isLocal: story.isLocal)
    }
    documents += site.pages.map { page in
      SearchDocument(
        path: page.path, title: page.title, kind: .page, summary: page.summary ?? "", body: page.body,
        language: page.fallbackLanguage, isLocal: page.isLocal)
    }
    if !site.regions.isEmpty {
      // The contacts page's title is template wording, so results show the kind's label instead.
      let sections = site.regions.map { region in
        SearchDocument.Section(
          id: "", heading: region.name,
          text: (region.counties
            + region.contacts.flatMap { [$0.name, $0.title, $0.email, $0.phone].compactMap { $0 } })
            .joined(separator: " "))
      }
      documents.append(
        SearchDocument(
          path: site.path(of: .contacts), title: "", kind: .contacts, summary: "", keywords: site.regions.map(\.name),
          sections: sections))
    }
    return documents
  }
}
