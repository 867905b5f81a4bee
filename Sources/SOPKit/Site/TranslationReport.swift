/// The state of every guide in every other language, for `sopkit check --translations`.
public struct TranslationReport: Sendable {
  /// Where one guide stands in one language.
  public enum State: String, Sendable {
    /// A translation as recent as its original (or without dates to compare).
    case translated
    /// A translation whose `updated` is older than its original's.
    case outdated
    /// No translation: the language's lists show the original.
    case missing
  }

  /// One guide of the default language and its state in each other language, in `languages` order.
  public struct Row: Sendable {
    public var slug: String
    public var states: [State]
  }

  public var languages: [String]
  /// A to Z by slug.
  public var rows: [Row]

  init(site: Site) {
    languages = site.editions.map(\.language.id)
    let bySlug = site.editions.map { edition in
      Dictionary(edition.guides.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }
    rows = site.guides.sorted { $0.slug < $1.slug }.map { original in
      Row(
        slug: original.slug,
        states: bySlug.map { guides in
          guard let guide = guides[original.slug], guide.fallbackLanguage == nil else { return .missing }
          if let translated = guide.updated, let updated = original.updated, translated < updated { return .outdated }
          return .translated
        })
    }
  }

  /// The report as text: one line per guide with a column per language, then a count per language.
  public var text: String {
    guard !languages.isEmpty else { return "The site has one language: there is nothing to translate.\n" }
    let width = max(5, rows.map(\.slug.count).max() ?? 0) + 2
    func padded(_ text: String) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
    var lines = [padded("guide") + languages.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined()]
    for row in rows {
      lines.append(
        padded(row.slug) + row.states.map { $0.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
    }
    for (index, language) in languages.enumerated() {
      let counts = [State.translated, .outdated, .missing].map { state in
        "\(rows.filter { $0.states[index] == state }.count) \(state.rawValue)"
      }
      lines.append("\(language): \(counts.joined(separator: ", "))")
    }
    return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
