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

  static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

  func resolve(_ raw: String, base: Base = .sourceFile) -> Resolution {
    // Foundation's trimming and percent-decoding cost more than the rest of resolving; most links need neither.
    let url =
      raw.first?.isWhitespace == true || raw.last?.isWhitespace == true ? raw.trimmingCharacters(in: .whitespaces) : raw
    if url.isEmpty { return .refused(.warning, "the link has no address") }
    if url.hasPrefix("#") {
      let fragment = String(url.dropFirst())
      return .page(href: url, target: outputPath, fragment: fragment.isEmpty ? nil : fragment)
    }
    if let scheme = Self.scheme(of: url) {
      if Self.allowedSchemes.contains(scheme.lowercased()) { return .external(url) }
      return .refused(
        .warning,
        "the link '\(Self.abbreviate(url))' was removed: only http, https, mailto and tel addresses are allowed")
    }
    if url.hasPrefix("//") { return .external("https:" + url) }

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

  // Both read UTF-8 bytes: the delimiters are ASCII, and walking Characters was most of the cost of a link.

  /// `https` for `https://x`; nil for relative paths (a `:` after a `/`, `?` or `#` is no scheme).
  static func scheme(of url: String) -> String? {
    let utf8 = url.utf8
    guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let scheme = utf8[..<colon]
    guard let first = scheme.first, isASCIILetter(first),
      scheme.allSatisfy({ isASCIILetter($0) || (0x30...0x39).contains($0) || "+.-".utf8.contains($0) })
    else { return nil }
    return String(Substring(scheme))
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
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

  private static func abbreviate(_ url: String) -> String {
    url.count > 40 ? String(url.prefix(40)) + "…" : url
  }
}
