import Foundation
import Mustache

/// The values of each guide on a list (`PageContext.guideItem`) and its card (`partials/guide-card`), made once
/// and shared by every list and related-guides section that shows the guide, as Hugo's `partialCached` does:
/// at 10,000 guides, 85,637 list entries and 50,000 related guides were 10,000 cards.
///
/// Values are kept per `PageContext.hrefBase` (their hrefs are relative to it), cards per page depth and href: a card sees
/// its guide's values and the page-independent `t`, `lang` and `root`, so one key always renders one card.
final class GuideItems: @unchecked Sendable {
  static let cardTemplate = "partials/guide-card"

  /// Nil when the templates have no card partial: their lists render each guide themselves.
  private let library: MustacheLibrary?
  private let lock = NSLock()
  private var items: [String: [String: Any]] = [:]
  private var cards: [String: String] = [:]

  init(library: MustacheLibrary) {
    self.library = library.getTemplate(named: GuideItems.cardTemplate) == nil ? nil : library
  }

  /// The values under `key`, made by `make()` the first time they are asked for.
  func item(key: String, make: () -> [String: Any]) -> [String: Any] {
    if let item = lock.withLock({ items[key] }) { return item }
    let item = make()
    lock.withLock { items[key] = item }
    return item
  }

  /// The card under `key`, rendered from `values()` the first time it is asked for; nil without a card partial.
  func card(key: String, values: () -> [String: Any]) -> String? {
    guard let library else { return nil }
    if let card = lock.withLock({ cards[key] }) { return card }
    let card = library.render(values(), withTemplate: GuideItems.cardTemplate) ?? ""
    lock.withLock { cards[key] = card }
    return card
  }
}
