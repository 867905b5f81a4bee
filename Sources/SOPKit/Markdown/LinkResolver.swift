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
  var language: String? = nil

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
    let path = pathPart.contains("%") ? pathPart.removingPercentEncoding ?? pathPart : pathPart
    if path.isEmpty { return .external(url) }
    if path.hasSuffix(".html") || path.hasSuffix(".xml") {
      let outputDirectory = RelativeLink.directory(of: outputPath)
      guard let target = RelativeLink.normalize(path, in: outputDirectory) else {
        return .refused(.error, "the link '\(url)' leads outside the site")
      }
      return .page(href: RelativeLink.href(from: outputPath, to: target) + suffix, target: target, fragment: fragment)
    }
    let bases =
      base == .sourceFile
      ? [RelativeLink.directory(of: sourcePath), ""] : ["", RelativeLink.directory(of: sourcePath)]
    var candidates: [String] = []
    for directory in bases {
      guard let candidate = RelativeLink.normalize(path, in: directory) else { continue }
      candidates.append(candidate)
      if let target = translation(of: candidate).flatMap({ inventory.pages[$0] }) ?? inventory.pages[candidate] {
        return .page(href: RelativeLink.href(from: outputPath, to: target) + suffix, target: target, fragment: fragment)
      }
      if inventory.files.contains(candidate) {
        return .file(href: RelativeLink.href(from: outputPath, to: candidate) + suffix, path: candidate)
      }
    }
    guard let first = candidates.first else {
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

  /// `https` for `https://x`; nil for relative paths (a `:` after a `/`, `?` or `#` is no scheme).
  static func scheme(of url: String) -> String? {
    guard let colon = url.firstIndex(of: ":") else { return nil }
    let scheme = url[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
    else { return nil }
    return String(scheme)
  }

  /// Splits `a/b.md?x#y` into `a/b.md`, the written `?x#y` suffix (with `.md` links' fragment kept), and `y`.
  private static func splitSuffix(_ url: String) -> (path: String, suffix: String, fragment: String?) {
    let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
    let suffix = String(url[end...])
    let fragment = url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
    return (String(url[..<end]), suffix, fragment?.isEmpty == true ? nil : fragment)
  }

  private static func abbreviate(_ url: String) -> String {
    url.count > 40 ? String(url.prefix(40)) + "…" : url
  }
}
