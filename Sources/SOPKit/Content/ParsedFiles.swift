/// The Markdown files of one build as parsed, kept by `sopkit serve` so the next build parses only what changed.
///
/// A front matter is reused while its file has the same size and modification time; a rendered body also needs
/// the same pages and files to link to, since links are resolved while the body is rendered.
struct ParsedFiles: Sendable {
  /// A body rendered to HTML, with its resolver and what rendering it reported.
  struct Body: Sendable {
    var markdown: RenderedMarkdown
    var linkResolver: LinkResolver
    var diagnostics: [Diagnostic]
  }

  /// One file: the state it was read in, its front matter and, once rendered, its body.
  struct Entry: Sendable {
    var state: FileState
    var header: ContentLoader.Header
    var body: Body?
  }

  var allowRawHTML: Bool
  /// By content path (`guides/x.md`).
  var entries: [String: Entry] = [:]
  var inventory: LinkResolver.Inventory?
}
