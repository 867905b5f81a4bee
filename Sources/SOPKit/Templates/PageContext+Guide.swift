extension PageContext {
  /// `guides/<slug>.html`: the guide with its roles, topics, tags, contents, attachments and related guides.
  func guide(_ guide: Guide) -> [String: Any] {
    var context = base(title: guide.title, description: guide.summary, kind: .guide)
    var values: [String: Any] = [
      "title": guide.title, "summary": guide.summary, "body": guide.body.html,
      "roles": roles(guide.roles), "is_local": guide.isLocal,
    ]
    PageContext.list("topics", topics(guide.topics), into: &values)
    if let updated = guide.updated { values["updated"] = date(updated) }
    PageContext.list("tags", tags(guide.tags), into: &values)
    PageContext.list("toc", tableOfContents(guide.body), into: &values)
    PageContext.list(
      "attachments",
      guide.attachments.map { attachment in
        [
          "title": attachment.title, "href": href(file: attachment.path), "type": attachment.typeLabel,
          "size": attachment.sizeLabel,
        ] as [String: Any]
      }, into: &values)
    let related = guide.related.map { site.guides[$0] }
    PageContext.list("related", related.map(guideItem), into: &values)
    context["guide"] = values
    return context
  }
}
