/// Gives headings stable, unique ids made from their text ("How to do it" → `how-to-do-it`).
struct HeadingAnchors {
  /// Ids the templates use themselves, so a heading never takes one of them: the search contract's,
  /// the skip link's target, and every id that starts with `sk-` (the prefix templates keep for their own).
  static let reserved: Set<String> = ["top", "main", "search-input", "search-results", "search-status"]

  static func isReserved(_ id: String) -> Bool { reserved.contains(id) || id.hasPrefix("sk-") }

  private var used: Set<String> = []

  /// The id for a heading; a repeated text gets `-1`, `-2`, ... as on GitHub.
  mutating func id(for text: String) -> String {
    let slug = Slug.make(from: text)
    let base = slug.isEmpty ? "section" : slug
    var candidate = base
    var counter = 1
    // Only the base is checked against the `sk-` prefix: a numbered id such as `sk-toc-1` is never a template's.
    while used.contains(candidate) || Self.reserved.contains(candidate) || (candidate == base && Self.isReserved(base))
    {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }
}
