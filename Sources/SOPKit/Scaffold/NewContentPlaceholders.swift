import Foundation
import Yams

/// What `sopkit new` leaves for the editor to replace (the example summary and the outline's headings), read
/// from `Templates/new/<kind>.md`, and the warnings for a file that is not a draft and still holds it.
struct NewContentPlaceholders: Sendable {
  /// One kind's example summary and the headings of its outline.
  struct Outline: Sendable {
    var summary: String?
    var headings: Set<String>
  }

  private var outlines: [NewContent.Kind: Outline] = [:]

  /// A kind whose template is missing or unreadable has no placeholders: its files are not checked.
  init(project: Project) {
    let stand = NewContent(kind: .guide, title: "Title", roles: ["role"], topics: ["topic"], county: "County")
    for kind in NewContent.Kind.allCases {
      var content = stand
      content.kind = kind
      guard let text = try? content.render(project: project, today: Date()),
        let frontMatter = try? FrontMatter.split(SourceFile(path: "", text: text))
      else { continue }
      let fields = (try? Yams.load(yaml: frontMatter.yaml)) as? [String: Any]
      let headings = frontMatter.body.split(separator: "\n").compactMap(Self.headingText)
      outlines[kind] = Outline(summary: fields?["summary"] as? String, headings: Set(headings))
    }
  }

  /// The warnings for every guide, story and page that is not a draft.
  func check(_ content: LoadedContent) -> Checked<Void> {
    var warnings: [Diagnostic] = []
    for guide in content.guides where !guide.frontMatter.draft {
      warnings += check(guide.file, kind: .guide, summary: guide.frontMatter.summary, body: guide.body)
    }
    for story in content.stories where !story.frontMatter.draft {
      warnings += check(story.file, kind: .story, summary: story.frontMatter.summary, body: story.body)
    }
    for page in content.pages where !page.frontMatter.draft {
      warnings += check(page.file, kind: .page, summary: page.frontMatter.summary, body: page.body)
    }
    return Checked(value: (), diagnostics: warnings)
  }

  private func check(_ file: SourceFile, kind: NewContent.Kind, summary: String?, body: ParsedMarkdown)
    -> [Diagnostic]
  {
    guard let outline = outlines[kind] else { return [] }
    var warnings: [Diagnostic] = []
    if let summary, summary == outline.summary {
      warnings.append(
        .warning(
          "the summary is still the example 'sopkit new' wrote: say in one or two sentences what this \(kind.rawValue) is about, or mark the file 'draft: true' until it is ready",
          at: SourceLocation(path: file.path, line: Self.line(in: file) { $0.hasPrefix("summary:") })))
    }
    // An empty body has its own warning, which names these headings already.
    let empty = body.isEmpty ? [] : Self.emptySections(of: body).filter { outline.headings.contains($0) }
    if let first = empty.first {
      let names = empty.map { "'\($0)'" }.joined(separator: ", ")
      warnings.append(
        .warning(
          "headings of the outline 'sopkit new' wrote have no text under them: \(names); write under each or delete it",
          at: SourceLocation(path: file.path, line: Self.line(in: file) { Self.headingText($0) == first })))
    }
    return warnings
  }

  /// The headings with no text under them, and no subsection with text either.
  static func emptySections(of body: ParsedMarkdown) -> [String] {
    var empty: [String] = []
    for (index, section) in body.sections.enumerated() {
      guard let heading = section.heading, section.text.isEmpty else { continue }
      let subsections = body.sections[(index + 1)...].prefix { ($0.heading?.level ?? 0) > heading.level }
      if subsections.allSatisfy(\.text.isEmpty) { empty.append(heading.text) }
    }
    return empty
  }

  /// `Common pitfalls` for the line `## Common pitfalls`; nil for a line that is no ATX heading.
  private static func headingText(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == " " }
    let hashes = trimmed.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), trimmed.dropFirst(hashes).first == " " else { return nil }
    return trimmed.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
  }

  /// The number of the first line that matches, or 1.
  private static func line(in file: SourceFile, where matches: (Substring) -> Bool) -> Int {
    let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { matches($0) } ?? 0) + 1
  }
}
