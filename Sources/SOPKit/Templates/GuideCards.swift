import Mustache
import Synchronization

/// Guide cards (`partials/guide-card`) of one edition, each rendered once per href and page depth and reused on
/// every list that shows the guide, as Hugo's `partialCached` does: a guide is on about eight lists.
///
/// A card sees its guide's values and the page-independent `t`, `lang` and `root`, so the same key renders the same card.
final class GuideCards: Sendable {
  static let template = "partials/guide-card"

  private let library: MustacheLibrary
  private let rendered = Mutex<[String: String]>([:])

  /// Nil when the templates have no card partial: their lists render each guide themselves.
  init?(library: MustacheLibrary) {
    guard library.getTemplate(named: GuideCards.template) != nil else { return nil }
    self.library = library
  }

  /// The card under `key`, rendered from `values()` the first time it is asked for.
  func card(key: String, values: () -> [String: Any]) -> String {
    if let card = rendered.withLock({ $0[key] }) { return card }
    let card = library.render(values(), withTemplate: GuideCards.template) ?? ""
    rendered.withLock { $0[key] = card }
    return card
  }
}
