/// What the build keeps of one Markdown body: its HTML and the facts later stages need.
public struct RenderedMarkdown: Sendable, Equatable {
  /// A heading with its anchor id, for the table of contents and anchor checks.
  public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
  }

  /// The plain text under one heading (or before the first), for search.
  public struct Section: Sendable, Equatable {
    public var heading: Heading?
    public var text: String
  }

  /// A link to a page of this site, checked once every page is known.
  public struct PageLink: Sendable, Equatable {
    public var target: String
    public var fragment: String?
    public var location: SourceLocation
  }

  public var html: String
  public var headings: [Heading]
  public var sections: [Section]
  public var pageLinks: [PageLink]
  /// Content paths of the files the body links to or shows, to copy into the output.
  public var files: [String]

  /// No text and no image or file: the page would be empty.
  public var isEmpty: Bool { sections.allSatisfy { $0.text.isEmpty } && files.isEmpty }

  /// All the body's text, for summaries and search.
  public var text: String { sections.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") }
}
