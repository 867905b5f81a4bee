extension PageContext {
  /// `<slug>.html` for an about page, with links to the previous and next page in reading order.
  func aboutPage(at index: Int) -> [String: Any] {
    let page = site.pages[index]
    var context = base(title: page.title, description: page.summary ?? "", kind: .page)
    var values: [String: Any] = ["title": page.title, "body": page.body.html, "is_local": page.isLocal]
    if let summary = page.summary { values["summary"] = summary }
    PageContext.list("toc", tableOfContents(page.body), into: &values)
    if index > 0 {
      values["previous"] = language(of: site.pages[index - 1].fallbackLanguage).merging(
        [
          "title": site.pages[index - 1].title, "href": href(path: site.pages[index - 1].path),
          "label": strings.word("previous_section", ["title": site.pages[index - 1].title]),
        ]) { $1 }
    }
    if index + 1 < site.pages.count {
      values["next"] = language(of: site.pages[index + 1].fallbackLanguage).merging(
        [
          "title": site.pages[index + 1].title, "href": href(path: site.pages[index + 1].path),
          "label": strings.word("next_section", ["title": site.pages[index + 1].title]),
        ]) { $1 }
    }
    context["page"] = values
    return context
  }
}
