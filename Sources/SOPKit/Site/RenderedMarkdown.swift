/// One Markdown body as the Assemble stage leaves it: its HTML with every link resolved, and the facts later
/// stages need.
public struct RenderedMarkdown: Sendable, Equatable {
  /// A link to a page of this site, checked once every page is known.
  public struct PageLink: Sendable, Equatable {
    public var target: String
    public var fragment: String?
    public var location: SourceLocation
    /// The address as the editor wrote it (`safety-plans.md#testing`), for messages.
    public var written: String = ""
  }

  public var html: String
  public var headings: [ParsedMarkdown.Heading]
  public var sections: [ParsedMarkdown.Section]
  public var pageLinks: [PageLink]
  /// Content paths of the files the body links to or shows, to copy into the output.
  public var files: [String]
  /// The `id`s of raw HTML elements, anchors as headings' ids are.
  public var htmlAnchors: [String] = []
}
