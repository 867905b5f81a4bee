/// Where links between pages may lead: every path the build writes, and the heading anchors of each page.
struct LinkTargets: Sendable, Equatable {
  var paths: Set<String>
  var anchors: [String: Set<String>]
  /// Output paths of pages whose front matter could not be read: links to them are not reported again.
  var unreadable: Set<String>
  /// The Markdown file each page is made from (`Content/guides/x.md` for `guides/x.html`), named in messages.
  var sources: [String: String] = [:]

  /// Reports each link of `body` that leads to no page of the site, or to an anchor no heading there has.
  func check(_ body: RenderedMarkdown, diagnostics: inout DiagnosticCollector) {
    for link in body.pageLinks {
      guard paths.contains(link.target) || unreadable.contains(link.target) else {
        diagnostics.error(
          "the link '\(link.written)' leads to '\(link.target)', which is not a page of this site", at: link.location)
        continue
      }
      guard let fragment = link.fragment, let ids = anchors[link.target] else { continue }
      if !ids.contains(fragment) && !HeadingAnchors.isReserved(fragment) {
        let page = sources[link.target] ?? "'\(link.target)'"
        diagnostics.error(
          "the link '\(link.written)' leads to \(page), which has no heading with the anchor '\(fragment)'\(DidYouMean.hint(for: fragment, among: ids))",
          at: link.location)
      }
    }
  }
}
