/// Everything read from Content/, each file parsed once, before any cross-reference is checked.
struct LoadedContent: Sendable {
  /// One Markdown file of the build: its front matter, typed, and its parsed body.
  struct Page<FrontMatter: Sendable>: Sendable {
    var entry: ContentScanner.MarkdownEntry
    var file: SourceFile
    var frontMatter: FrontMatter
    var body: ParsedMarkdown

    var slug: String { entry.slug }
    /// The language of a translation; nil for a page in the site's default language.
    var language: String? { entry.language }
    var contentPath: String { entry.contentPath }
    /// From a county's overlay.
    var isLocal: Bool { entry.isLocal }
    var location: SourceLocation { SourceLocation(path: file.path) }
  }

  var settings: SiteSettings
  var regions: [Located<Region>]
  /// From `glossary.yaml`; empty when there is none.
  var glossary: [GlossaryTerm] = []
  var guides: [Page<GuideFrontMatter>]
  var stories: [Page<StoryFrontMatter>]
  var pages: [Page<PageFrontMatter>]
  /// Content paths of the files under Content/ that are not Markdown (images, attachments).
  var files: Set<String>
  var fileSizes: [String: Int]
  /// Where site.yaml and contacts.yaml are, for diagnostics about what they declare.
  var settingsPath: String
  var contactsPath: String
  /// How the Content folder is named in diagnostics.
  var displayRoot: String
  /// Markdown files whose front matter could not be read: links to them are not reported again.
  var unreadablePages: [ContentScanner.MarkdownEntry] = []
  /// Content paths of the Markdown files left out of this build (drafts, and their translations).
  var draftPaths: Set<String> = []
  /// Every Markdown file as read, for the next load of `sopkit serve` to reuse.
  var loadedFiles = LoadedFiles()
  /// How a county's overlay folder is named in diagnostics, when there is one.
  var overlayDisplayRoot: String? = nil
  /// Content paths of the files (not Markdown) that come from the overlay.
  var localFiles: Set<String> = []
  /// Statewide files the overlay replaces.
  var replacements: [OverlayReplacement] = []

  /// Where a file under Content/ or the overlay really is, as diagnostics name it.
  func displayPath(_ contentPath: String) -> String {
    let root = localFiles.contains(contentPath) ? overlayDisplayRoot ?? displayRoot : displayRoot
    return root.isEmpty ? contentPath : "\(root)/\(contentPath)"
  }
}
