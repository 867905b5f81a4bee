import Foundation

/// `sopkit new <kind> TITLE --lang es --from <slug>`: starts a translation beside its original.
///
/// The translation gets the original's front matter, with its own title, today's `updated` (where the original has
/// one) and `draft: true`, and the original's text below it to translate in place; it is published once the
/// translator removes `draft: true`.
public struct NewTranslation: Sendable {
  public var kind: NewContent.Kind
  public var title: String
  public var language: String
  /// The original's slug (`three-houses` for `guides/three-houses.md`).
  public var original: String

  public init(kind: NewContent.Kind, title: String, language: String, original: String) {
    self.kind = kind
    self.title = title
    self.language = language
    self.original = original
  }

  /// Writes `Content/<folder>/<original>.<language>.md` and returns its path as the user names it.
  public func write(in project: Project, today: Date = Date()) throws(NewContentError) -> String {
    let display = { (relative: String) in
      project.content.display.isEmpty ? relative : "\(project.content.display)/\(relative)"
    }
    try checkLanguage(project: project)
    let source = "\(kind.folder)/\(original).md"
    let target = "\(kind.folder)/\(original).\(language).md"
    let sourceURL = project.content.url.appendingPathComponent(source)
    let targetURL = project.content.url.appendingPathComponent(target)
    guard FileManager.default.fileExists(atPath: sourceURL.path) else {
      let known =
        ((try? FileManager.default.contentsOfDirectory(atPath: sourceURL.deletingLastPathComponent().path)) ?? [])
        .filter { $0.hasSuffix(".md") && $0.split(separator: ".").count == 2 }.map { String($0.dropLast(3)) }
      throw NewContentError(
        "there is no '\(display(source))' to translate\(DidYouMean.hint(for: original, among: known))")
    }
    if FileManager.default.fileExists(atPath: targetURL.path) {
      throw NewContentError("'\(display(target))' already exists; edit it, or remove it to start again")
    }
    let frontMatter: FrontMatter
    do {
      frontMatter = try FrontMatter.split(try SourceFile.read(sourceURL, displayPath: display(source)))
    } catch {
      throw NewContentError(error.diagnostics.sorted().map(\.description).joined(separator: "\n"))
    }
    let text =
      "---\n" + translatedFields(frontMatter.yaml, today: NewContent.isoDate(today)) + "---\n"
      + frontMatter.body
    do {
      try Data(text.utf8).write(to: targetURL, options: .withoutOverwriting)
    } catch {
      throw NewContentError("cannot write '\(display(target))': \(error.localizedDescription)")
    }
    return display(target)
  }

  /// The original's fields with this translation's title, today's `updated` and `draft: true`.
  func translatedFields(_ yaml: String, today: String) -> String {
    var lines: [String] = []
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      if line.hasPrefix("title:") {
        lines.append("title: \(NewContent.yamlString(title))")
      } else if line.hasPrefix("updated:") {
        lines.append("updated: \(today)")
      } else if !line.hasPrefix("draft:") {
        lines.append(String(line))
      }
    }
    lines.append("draft: true")
    return lines.joined(separator: "\n") + "\n"
  }

  private func checkLanguage(project: Project) throws(NewContentError) {
    let (settings, settingsPath) = try NewContent.settings(of: project)
    let known = settings.languages.map(\.id)
    guard known.contains(language) else {
      let listed = known.isEmpty ? "it lists none" : "they are " + known.joined(separator: ", ")
      throw NewContentError(
        "'\(language)' is not one of the site's languages; list it under 'languages' in \(settingsPath) first (\(listed))"
      )
    }
  }
}
