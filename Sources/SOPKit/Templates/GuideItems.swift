import Foundation
import Mustache

/// The values of each guide on a list (`PageContext.guideItem`) and its card and link (`partials/guide-card`,
/// `partials/guide-link`), made once and shared by every list and related-guides section that shows the guide, as
/// Hugo's `partialCached` does: at 10,000 guides, 85,637 list entries and 50,000 related guides were 10,000 cards.
///
/// Values are kept per `PageContext.hrefBase` (their hrefs are relative to it), partials per page depth and href: a
/// partial sees its guide's values and the page-independent `t`, `lang` and `root`, so one key always renders one text.
final class GuideItems: @unchecked Sendable {
  /// Each partial rendered per guide, and the value that holds it (`{{{card}}}`, `{{{link}}}`).
  static let partials = ["partials/guide-card": "card", "partials/guide-link": "link"]

  /// The partials the templates have: without one, their lists render each guide themselves.
  private let present: [(template: String, value: String)]
  private let library: MustacheLibrary
  private let lock = NSLock()
  private var items: [String: [String: Any]] = [:]
  private var rendered: [String: [String: String]] = [:]

  init(library: MustacheLibrary) {
    self.library = library
    present = Self.partials.filter { library.getTemplate(named: $0.key) != nil }.map { ($0.key, $0.value) }
  }

  /// The values under `key`, made by `make()` the first time they are asked for.
  func item(key: String, make: () -> [String: Any]) -> [String: Any] {
    if let item = lock.withLock({ items[key] }) { return item }
    let item = make()
    lock.withLock { items[key] = item }
    return item
  }

  /// The partials under `key` by value name, rendered from `values()` the first time they are asked for.
  func partials(key: String, values: () -> [String: Any]) -> [String: String] {
    guard !present.isEmpty else { return [:] }
    if let known = lock.withLock({ rendered[key] }) { return known }
    let context = values()
    var texts: [String: String] = [:]
    for (template, value) in present { texts[value] = library.render(context, withTemplate: template) ?? "" }
    lock.withLock { rendered[key] = texts }
    return texts
  }
}
