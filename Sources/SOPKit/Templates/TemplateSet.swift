import Foundation
import Mustache

/// The Mustache templates of Templates/, parsed once and checked: every page kind present,
/// every partial they name existing, syntax errors reported with the template's path and line.
struct TemplateSet: Sendable {
  /// The templates every build needs: the layout and one body template per page kind.
  static let required = [
    "layout", "home", "guide", "guide-index", "role", "topic", "tag", "story", "story-index",
    "contacts", "search", "page", "404",
  ]

  /// The templates as written.
  let library: MustacheLibrary
  /// The templates with page-independent values written in, made as pages ask for them.
  let folded: FoldedLibraries
  /// The default language's words.
  let strings: TemplateStrings
  /// A hash of every template's text and of the strings files: equal fingerprints render equal pages.
  let fingerprint: String
  /// Every language's words, by language id, completed from the default language's.
  var stringsByLanguage: [String: TemplateStrings] = [:]

  /// The words of `language`, or the default language's.
  func strings(for language: String) -> TemplateStrings { stringsByLanguage[language] ?? strings }

  /// The templates with the words of `language` written in.
  func library(for language: String) -> MustacheLibrary {
    folded.library(key: language) {
      Dictionary(uniqueKeysWithValues: strings(for: language).words.map { ("t.\($0.key)", $0.value) })
    }
  }

  /// The templates for pages in `folder` (an output path's folder) of `language`, with `values()`: the values
  /// that are the same on every such page (`PageContext.foldableValues`).
  func library(for language: String, folder: String, values: () -> [String: String]) -> MustacheLibrary {
    folded.library(key: "\(language)\u{0}\(folder)", values: values)
  }

  static func load(
    from directory: URL, displayRoot: String, language: String, otherLanguages: [String] = []
  ) throws(BuildFailure) -> Checked<TemplateSet> {
    var diagnostics = DiagnosticCollector()
    var templates: [String: MustacheTemplate] = [:]
    var texts: [String: String] = [:]
    var uses: [String: [TemplateTags.PartialUse]] = [:]
    var depths: [String: Int] = [:]
    var files: [String: (file: SourceFile, lines: LineMap)] = [:]
    // Templates that exist but do not parse: reported once, for their syntax, not again as missing.
    var unparsed: Set<String> = []
    let display = { (name: String) in displayRoot.isEmpty ? name : "\(displayRoot)/\(name)" }
    var hash = ContentHash()
    let found = FolderWalk(root: directory.path, displayRoot: displayRoot).paths(diagnostics: &diagnostics)
    for relative in found.sorted() where relative.hasSuffix(".mustache") {
      let name = String(relative.dropLast(".mustache".count))
      unparsed.insert(name)
      do throws(BuildFailure) {
        let file = try SourceFile.read(directory.appendingPathComponent(relative), displayPath: display(relative))
        hash.combine(relative)
        hash.combine(file.text)
        let lines = LineMap(file.text)
        files[name] = (file, lines)
        diagnostics.append(contentsOf: UnusualLineBreak.warnings(in: lines, path: file.path))
        let tags = TemplateTags(file.text)
        uses[name] = tags.partials
        depths[name] = tags.depth
        for problem in tags.problems {
          let (line, column) = lines.position(ofOffset: problem.offset)
          diagnostics.error(problem.message, at: SourceLocation(path: file.path, line: line, column: column))
        }
        // What swift-mustache would crash on or misread is not handed to it.
        guard tags.problems.isEmpty else { continue }
        do {
          templates.merge(try TemplateChunks.parse(file.text, name: name, prefix: HTMLEscaping.pragma)) { $1 }
          texts[name] = file.text
          unparsed.remove(name)
        } catch let error as MustacheTemplate.ParserError {
          diagnostics.append(contentsOf: [TemplateSyntaxError.diagnostic(error, in: file, lines: lines)])
        } catch {
          diagnostics.error("template syntax: \(error)", at: SourceLocation(path: file.path))
        }
      } catch {
        diagnostics.append(contentsOf: error.diagnostics)
      }
    }
    for name in required where templates[name] == nil && !unparsed.contains(name) {
      diagnostics.error(
        "the template '\(name).mustache' is missing; every site needs it",
        at: SourceLocation(path: display("\(name).mustache")))
    }
    let locate = { (template: String, use: TemplateTags.PartialUse) -> SourceLocation in
      guard let (file, lines) = files[template] else { return SourceLocation(path: display(template)) }
      let (line, column) = lines.position(ofOffset: use.offset)
      return SourceLocation(path: file.path, line: line, column: column)
    }
    for (template, list) in uses.sorted(by: { $0.key < $1.key }) {
      for use in list where templates[use.name] == nil && !unparsed.contains(use.name) {
        diagnostics.error(
          "the partial '\(use.name)' does not exist: no file \(use.name).mustache in the templates folder\(DidYouMean.hint(for: use.name, among: files.keys))",
          at: locate(template, use))
      }
    }
    for problem in PartialGraph(uses: uses, depths: depths).problems() {
      diagnostics.error(problem.message, at: locate(problem.template, problem.use))
    }
    let stringsURL = directory.appendingPathComponent("i18n/\(language).yaml")
    let strings = try TemplateStrings.load(
      from: stringsURL, displayPath: display("i18n/\(language).yaml"), diagnostics: &diagnostics)
    FileManager.default.contents(atPath: stringsURL.path)?.withUnsafeBytes { hash.combine($0) }
    var stringsByLanguage = [language: strings]
    for other in otherLanguages {
      let relative = "i18n/\(other).yaml"
      let location = SourceLocation(path: display(relative))
      let url = directory.appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        diagnostics.warning(
          "there is no strings file for the language '\(other)': its pages use the words of i18n/\(language).yaml; copy that file to \(relative) and translate it",
          at: location)
        continue
      }
      data.withUnsafeBytes { hash.combine($0) }
      let loaded = try TemplateStrings.load(from: url, displayPath: display(relative), diagnostics: &diagnostics)
      let (completed, missing) = loaded.completed(from: strings)
      if !missing.isEmpty {
        diagnostics.warning(
          "words missing here are taken from i18n/\(language).yaml: \(missing.map { "'\($0)'" }.joined(separator: ", "))",
          at: location)
      }
      if !strings.months.isEmpty && loaded.months.isEmpty {
        diagnostics.warning("'months' is missing, so dates in '\(other)' are written as numbers", at: location)
      }
      stringsByLanguage[other] = completed
    }
    var set = TemplateSet(
      library: MustacheLibrary(templates: templates), folded: FoldedLibraries(written: templates, texts: texts),
      strings: strings, fingerprint: hash.hex)
    set.stringsByLanguage = stringsByLanguage
    return Checked(value: set, diagnostics: try diagnostics.finish())
  }

  /// Renders a page with `library`: its kind's body template, then the layout around it.
  func render(_ kind: String, context: [String: Any], library: MustacheLibrary) -> String {
    var context = context
    context["content"] = library.render(context, withTemplate: kind) ?? ""
    return library.render(context, withTemplate: "layout") ?? ""
  }
}
