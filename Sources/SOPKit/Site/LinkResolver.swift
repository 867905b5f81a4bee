import Foundation

/// Decides where a link or image written by an editor points and how it is written in the built page.
///
/// `.md` links become relative `.html` links, files under Content/ become relative links to their copies,
/// and anything that would run script or leave Content/ is refused.
struct LinkResolver: Sendable {
  /// What the content tree holds, shared by every page's resolver.
  struct Inventory: Sendable, Equatable {
    /// Content path of each Markdown file that is built (`guides/x.md`) → its output path.
    var pages: [String: String]
    /// Content paths of Markdown files left out of this build (drafts).
    var skippedPages: Set<String>
    /// Content paths of the other files under Content/ (images, attachments).
    var files: Set<String>
  }

  /// Where a link leads once resolved.
  enum Resolution: Equatable, Sendable {
    /// An outside address (`https:`, `mailto:`, `tel:`), written as it is.
    case external(String)
    /// A page of this site; `target` and `fragment` are kept to check them once every page is known.
    case page(href: String, target: String, fragment: String?)
    /// A file under Content/, copied to the same relative path in the output.
    case file(href: String, path: String)
    /// A link that is dropped (a warning) or broken (an error).
    case refused(Diagnostic.Severity, String)
  }

  /// How paths are read: Markdown links are relative to the file; front-matter paths to Content/.
  enum Base: Sendable {
    case sourceFile
    case contentRoot
  }

  let inventory: Inventory
  /// The Markdown file's content path (`guides/x.md`).
  let sourcePath: String
  /// The page's output path (`guides/x.html`).
  let outputPath: String
  /// The language of a translation, whose links to `x.md` lead to `x.<language>.md` where it exists.
  var language: String?
  /// The folders of `sourcePath` and `outputPath`, which every relative link is read from.
  private let sourceDirectory: String
  private let outputDirectory: String

  init(inventory: Inventory, sourcePath: String, outputPath: String, language: String? = nil) {
    self.inventory = inventory
    self.sourcePath = sourcePath
    self.outputPath = outputPath
    self.language = language
    sourceDirectory = RelativeLink.directory(of: sourcePath)
    outputDirectory = RelativeLink.directory(of: outputPath)
  }

  func resolve(_ raw: String, base: Base = .sourceFile) -> Resolution {
    switch LinkAddress(raw) {
    case .external: return .external(raw)
    case .refused(let message): return .refused(.warning, message)
    case .local: break
    }
    let url = LinkAddress.trimmed(raw)
    if url.hasPrefix("#") {
      let fragment = String(url.dropFirst())
      return .page(href: url, target: outputPath, fragment: fragment.isEmpty ? nil : fragment)
    }
    let (pathPart, suffix, fragment) = Self.splitSuffix(url)
    let path = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
    if path.isEmpty { return .external(url) }
    if path.hasSuffix(".html") || path.hasSuffix(".xml") {
      guard let target = RelativeLink.normalize(path, in: outputDirectory) else {
        return .refused(.error, "the link '\(url)' leads outside the site")
      }
      return .page(href: RelativeLink.href(from: outputPath, to: target) + suffix, target: target, fragment: fragment)
    }
    let bases = base == .sourceFile ? [sourceDirectory, ""] : ["", sourceDirectory]
    var firstCandidate: String?
    for directory in bases {
      guard let candidate = RelativeLink.normalize(path, in: directory) else { continue }
      if firstCandidate == nil { firstCandidate = candidate }
      if let target = translation(of: candidate).flatMap({ inventory.pages[$0] }) ?? inventory.pages[candidate] {
        return .page(href: RelativeLink.href(from: outputPath, to: target) + suffix, target: target, fragment: fragment)
      }
      if inventory.files.contains(candidate) {
        return .file(href: RelativeLink.href(from: outputPath, to: candidate) + suffix, path: candidate)
      }
    }
    guard let first = firstCandidate else {
      return .refused(.error, "the link '\(url)' leads outside the Content folder")
    }
    if inventory.skippedPages.contains(first) {
      return .refused(.error, "the link '\(url)' leads to a draft, which is built only with --drafts")
    }
    let known = path.hasSuffix(".md") ? Array(inventory.pages.keys) : Array(inventory.files)
    return .refused(
      .error,
      "the link '\(url)' leads to 'Content/\(first)', which does not exist\(DidYouMean.hint(for: first, among: known))")
  }

  /// `guides/x.<language>.md` for `guides/x.md` when this page is a translation.
  private func translation(of candidate: String) -> String? {
    guard let language, candidate.hasSuffix(".md") else { return nil }
    return candidate.dropLast(3) + ".\(language).md"
  }

  /// Splits `a/b.md?x#y` into `a/b.md`, the written `?x#y` suffix (with `.md` links' fragment kept), and `y`.
  private static func splitSuffix(_ url: String) -> (path: String, suffix: String, fragment: String?) {
    let utf8 = url.utf8
    let end = utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? utf8.endIndex
    let hash = utf8[end...].firstIndex(of: UInt8(ascii: "#"))
    let fragment = hash.map { String(Substring(utf8[utf8.index(after: $0)...])) }
    return (
      String(Substring(utf8[..<end])), String(Substring(utf8[end...])), fragment?.isEmpty == true ? nil : fragment
    )
  }

  /// `body` with each link resolved into its slot; a link that leads nowhere is an error, and an image must be
  /// a file.
  func resolve(_ body: ParsedMarkdown, diagnostics: inout DiagnosticCollector) -> RenderedMarkdown {
    var hrefs: [String] = []
    var pageLinks: [RenderedMarkdown.PageLink] = []
    var files: [String] = []
    hrefs.reserveCapacity(body.links.count)
    for link in body.links {
      switch resolve(link.url) {
      case .external(let url):
        hrefs.append(url)
      case .page(let href, let target, let fragment):
        hrefs.append(href)
        if link.isImage {
          diagnostics.error("the image '\(link.url)' is a page, not a picture", at: link.location)
        } else {
          pageLinks.append(.init(target: target, fragment: fragment, location: link.location, written: link.url))
        }
      case .file(let href, let path):
        hrefs.append(href)
        files.append(path)
      case .refused(let severity, let message):
        hrefs.append("")
        let wording = link.isImage ? message.replacingOccurrences(of: "the link", with: "the image") : message
        diagnostics.append(contentsOf: [Diagnostic(severity, wording, at: link.location)])
      }
    }
    return RenderedMarkdown(
      html: body.html(filling: hrefs), headings: body.headings, sections: body.sections, pageLinks: pageLinks,
      files: files, htmlAnchors: body.htmlAnchors)
  }
}
