import Foundation

/// Walks the Content folder once and sorts what it finds: Markdown by kind, data files, other files.
struct ContentScanner {
  /// The kinds of Markdown file, by the folder they sit in.
  enum Kind: String, Sendable, CaseIterable {
    case guide = "guides"
    case story = "stories"
    case page = "pages"
  }

  /// A Markdown file found in one of the kind folders.
  struct MarkdownEntry: Sendable {
    var kind: Kind
    var slug: String
    /// The language of a translation (`three-houses.es.md`); nil for a page in the site's default language.
    var language: String?
    /// Content-relative (`guides/three-houses.md`).
    var contentPath: String
    var url: URL
    /// The path diagnostics name: the file's real place, in Content/ or in a county's overlay.
    var displayPath: String
    /// Whether it comes from a county's overlay rather than the statewide content.
    var isLocal: Bool
  }

  /// Everything found, sorted by path so builds do not depend on directory order.
  struct Inventory: Sendable {
    var markdown: [MarkdownEntry] = []
    /// Content-relative paths of every other regular file (candidate images and attachments).
    var files: [String] = []
    /// The size in bytes of each of those files.
    var fileSizes: [String: Int] = [:]
    /// Those of `files` that come from a county's overlay.
    var localFiles: Set<String> = []
  }

  let contentURL: URL
  /// How the Content folder is named in diagnostics (as the user gave it).
  let displayRoot: String
  /// The site's default language and the languages its translations may be in; nil when site.yaml could not be
  /// read, so that any language-like suffix is taken for one rather than reported again.
  var defaultLanguage = "en"
  var languages: Set<String>? = []
  /// True when the folder is a county's overlay.
  var isLocal = false

  /// The folder itself as messages name it (`.` for the working directory).
  var folderName: String { displayRoot.isEmpty ? "." : displayRoot }

  func displayPath(_ contentPath: String) -> String {
    displayRoot.isEmpty ? contentPath : "\(displayRoot)/\(contentPath)"
  }

  func scan(diagnostics: inout DiagnosticCollector) -> Inventory {
    var inventory = Inventory()
    let root = contentURL.resolvingSymlinksInPath().standardizedFileURL.path
    let manager = FileManager.default
    let folder = contentURL.path
    for relative in FolderWalk(root: folder, displayRoot: displayRoot).paths(diagnostics: &diagnostics) {
      let name = (relative as NSString).lastPathComponent
      let location = SourceLocation(path: displayPath(relative))
      // One lstat, not Foundation's attribute dictionary, which cost more than the rest of the scan.
      var status = stat()
      let type = lstat(folder + "/" + relative, &status) == 0 ? status.st_mode & S_IFMT : 0
      var isDirectory = ObjCBool(type == S_IFDIR)
      // The walk does not follow links, so only a link itself can lead outside the folder.
      if type == S_IFLNK {
        let url = contentURL.appendingPathComponent(relative)
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        if resolved != root && !resolved.hasPrefix(root + "/") {
          // The link as written says more to an editor than the absolute path it resolves to on this machine.
          let written = (try? manager.destinationOfSymbolicLink(atPath: url.path)) ?? resolved
          diagnostics.error("this link points outside the Content folder, to '\(written)'", at: location)
          continue
        }
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
          diagnostics.error("this link points to nothing", at: location)
          continue
        }
      }
      let parts = relative.split(separator: "/")
      let kind = parts.count == 2 ? Kind(rawValue: String(parts[0])) : nil
      if isDirectory.boolValue {
        if relative.hasSuffix(".md") && kind != nil {
          diagnostics.error("this is a folder, but a name ending in .md is for Markdown files", at: location)
        }
        continue
      }
      if relative.hasSuffix(".md") {
        guard let kind else {
          if parts.count > 1 || !["README.md"].contains(name) {
            diagnostics.warning(
              "this Markdown file is not part of the site: guides, stories and pages go directly in guides/, stories/ and pages/",
              at: location)
          }
          continue
        }
        var slug = String(name.dropLast(3))
        var language: String?
        if let dot = slug.lastIndex(of: "."), Slug.isValid(String(slug[..<dot])) {
          let suffix = String(slug[slug.index(after: dot)...])
          let original = String(slug[..<dot])
          let problem = languageSuffixProblem(suffix, original: original)
          if languages?.contains(suffix) ?? (problem != nil) {
            (slug, language) = (original, suffix)
          } else if let problem {
            diagnostics.error(problem, at: location)
            continue
          }
        }
        guard Slug.isValid(slug) else {
          diagnostics.error(Slug.problem(with: slug), at: location)
          continue
        }
        inventory.markdown.append(
          MarkdownEntry(
            kind: kind, slug: slug, language: language, contentPath: relative,
            url: contentURL.appendingPathComponent(relative, isDirectory: false),
            displayPath: displayPath(relative), isLocal: isLocal))
      } else if parts.count > 1 || !["site.yaml", "contacts.yaml", "glossary.yaml"].contains(name) {
        inventory.files.append(relative)
        inventory.fileSizes[relative] = type == 0 ? 0 : Int(status.st_size)
        if isLocal { inventory.localFiles.insert(relative) }
      }
    }
    inventory.markdown.sort { $0.contentPath < $1.contentPath }
    inventory.files.sort()
    return inventory
  }

  /// Why `<original>.<suffix>.md` is refused when `suffix` looks like a language but is not one of the site's.
  private func languageSuffixProblem(_ suffix: String, original: String) -> String? {
    let looksLikeLanguage =
      (2...3).contains(suffix.split(separator: "-").first?.count ?? 0)
      && suffix.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" }
    guard looksLikeLanguage else { return nil }
    if suffix == defaultLanguage {
      return
        "'\(suffix)' is the site's default language, whose pages carry no language in their name: rename the file to '\(original).md'"
    }
    return
      "the file name ends in '.\(suffix)', which is not one of the site's languages: list '\(suffix)' under 'languages' in site.yaml to translate into it, or rename the file"
  }
}
