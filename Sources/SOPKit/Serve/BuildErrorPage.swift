import Foundation

/// The page the browser shows while the latest build fails: every diagnostic as `path:line:col: error: message`.
///
/// Its words come from `Templates/serve-error.mustache`, rendered with the last good build's templates and
/// layout; without a good build or that template, the page is the diagnostic lines alone.
enum BuildErrorPage {
  static func html(for diagnostics: [Diagnostic], lastGood: BuiltSite?) -> Data {
    let sorted = diagnostics.sorted()
    if let lastGood, lastGood.templates.library.getTemplate(named: PageKind.serveError.template) != nil {
      let page = PageContext(site: lastGood.site, strings: lastGood.templates.strings, route: .notFound)
      var context = page.base(title: "", description: "", kind: .serveError)
      PageContext.list(
        "diagnostics",
        sorted.map { diagnostic in
          [
            "line": diagnostic.description, "location": diagnostic.location.description,
            "severity": diagnostic.severity.rawValue, "message": diagnostic.message,
            "is_error": diagnostic.severity == .error,
          ] as [String: Any]
        }, into: &context)
      return Data(
        lastGood.templates.render(
          PageKind.serveError.template, context: context,
          library: lastGood.templates.library(for: lastGood.site.language.id)
        ).utf8)
    }
    let lines = sorted.map { XMLText.escape($0.description) }.joined(separator: "\n")
    return Data("<!doctype html>\n<meta charset=\"utf-8\">\n<pre>\n\(lines)\n</pre>\n</body>\n".utf8)
  }
}
