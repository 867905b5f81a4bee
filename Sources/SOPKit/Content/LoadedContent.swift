/// Everything read from Content/, each file parsed once, before any cross-reference is checked.
struct LoadedContent: Sendable {
  /// One Markdown file: its front matter, typed, and its rendered body.
  struct Page<FrontMatter: Sendable>: Sendable {
    var slug: String
    /// The language of a translation; nil for a page in the site's default language.
    var language: String?
    var contentPath: String
    var outputPath: String
    var file: SourceFile
    var frontMatter: FrontMatter
    var body: RenderedMarkdown
    /// Front-matter paths (attachments, story image) resolved like links.
    var linkResolver: LinkResolver
    /// From a county's overlay.
    var isLocal = false
    var location: SourceLocation { SourceLocation(path: file.path) }
  }

  var settings: SiteSettings
  var regions: [Located<Region>]
  var guides: [Page<GuideFrontMatter>]
  var stories: [Page<StoryFrontMatter>]
  var pages: [Page<PageFrontMatter>]
  var inventory: LinkResolver.Inventory
  /// Output paths of pages whose front matter could not be read: links to them are not reported again.
  var unreadablePages: Set<String> = []
  var fileSizes: [String: Int]
  /// Where site.yaml and contacts.yaml are, for diagnostics about what they declare.
  var settingsPath: String
  var contactsPath: String
  /// How the Content folder is named in diagnostics.
  var displayRoot: String
  /// Every Markdown file as parsed, for the next build of `sopkit serve` to reuse.
  var parsed = ParsedFiles(allowRawHTML: false)
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
