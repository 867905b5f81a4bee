/// One Markdown file as the Load stage read it: the file, its front matter typed and, unless the file is left out
/// of the build, its parsed body.
struct LoadedFile: Sendable {
  /// The front matter's fields, by the kind of file.
  enum Fields: Sendable {
    case guide(GuideFrontMatter)
    case story(StoryFrontMatter)
    case page(PageFrontMatter)
  }

  /// Size and modification time when read; nil when `stat` failed, so the file is never reused.
  var state: FileState?
  var entry: ContentScanner.MarkdownEntry
  var file: SourceFile
  var frontMatter: FrontMatter
  var fields: Fields
  var frontMatterDiagnostics: [Diagnostic]
  var body: ParsedMarkdown? = nil
  var bodyDiagnostics: [Diagnostic] = []
  /// Whether the body was parsed with raw HTML let through.
  var allowsRawHTML = false
  /// A draft left out of this build, or a translation of one.
  var isLeftOut = false

  var isDraft: Bool {
    switch fields {
    case .guide(let guide): guide.draft
    case .story(let story): story.draft
    case .page(let page): page.draft
    }
  }
}

/// Every Markdown file one load read, by content path: what the next load of `sopkit serve` reuses while a
/// file's size and modification time are the same.
struct LoadedFiles: Sendable {
  var files: [String: LoadedFile] = [:]
}
