import Foundation
import Mustache

/// `sopkit new`: writes a new guide, story or page with valid front matter and an outline of sections.
///
/// The file's words come from `Templates/new/<kind>.md`, so an edition in another language brings its own.
public struct NewContent: Sendable {
  /// The kinds of file `sopkit new` writes, each in its own content folder.
  public enum Kind: String, Sendable, CaseIterable {
    case guide, story, page

    var folder: String {
      switch self {
      case .guide: "guides"
      case .story: "stories"
      case .page: "pages"
      }
    }
  }

  public var kind: Kind
  public var title: String
  public var slug: String?
  public var roles: [String]
  public var topics: [String]
  public var county: String?

  public init(
    kind: Kind, title: String, slug: String? = nil, roles: [String] = [], topics: [String] = [], county: String? = nil
  ) {
    self.kind = kind
    self.title = title
    self.slug = slug
    self.roles = roles
    self.topics = topics
    self.county = county
  }

  /// Writes the file and returns its path as the user names it (`Content/guides/<slug>.md`).
  public func write(in project: Project, today: Date = Date()) throws(NewContentError) -> String {
    let name = slug ?? Slug.make(from: title).folding(options: .diacriticInsensitive, locale: nil)
    guard Slug.isValid(name) else {
      throw NewContentError(
        "cannot make a file name from '\(title)': give one with --slug, using only lowercase letters, digits and '-'")
    }
    if kind == .guide { try checkIDs(project: project) }
    let relative = "\(kind.folder)/\(name).md"
    let display = project.content.display.isEmpty ? relative : "\(project.content.display)/\(relative)"
    let url = project.content.url.appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) {
      throw NewContentError("'\(display)' already exists; choose another title or --slug")
    }
    let text = try render(project: project, today: today)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    } catch {
      throw NewContentError("cannot write '\(display)': \(error.localizedDescription)")
    }
    return display
  }

  /// The file's text: the kind's template filled in with the title, ids and date.
  func render(project: Project, today: Date) throws(NewContentError) -> String {
    let relative = "new/\(kind.rawValue).md"
    let display = project.templates.display.isEmpty ? relative : "\(project.templates.display)/\(relative)"
    let template: MustacheTemplate
    do {
      let text = try String(contentsOf: project.templates.url.appendingPathComponent(relative), encoding: .utf8)
      template = try MustacheTemplate(string: text)
    } catch {
      throw NewContentError("cannot read the template '\(display)': \(error)")
    }
    var context: [String: Any] = ["title": Self.yamlString(title), "today": Self.isoDate(today)]
    if !roles.isEmpty { context["roles"] = roles.joined(separator: ", ") }
    if !topics.isEmpty { context["topics"] = topics.joined(separator: ", ") }
    if let county { context["county"] = Self.yamlString(county) }
    return template.render(context)
  }

  /// Every role and topic must be an id from site.yaml; a guide needs at least one role.
  private func checkIDs(project: Project) throws(NewContentError) {
    let (settings, display) = try Self.settings(of: project)
    if roles.isEmpty {
      let ids = settings.roles.map(\.id).joined(separator: ", ")
      throw NewContentError("a guide needs at least one --role; the roles in \(display) are: \(ids)")
    }
    for (kind, given, known) in [
      ("role", roles, settings.roles.map(\.id)), ("topic", topics, settings.topics.map(\.id)),
    ] {
      for id in given where !known.contains(id) {
        throw NewContentError(DidYouMean.unknownID(id, kind: kind, among: known, listedIn: display))
      }
    }
  }

  /// The project's site.yaml and how to name it in a message; its problems are the error.
  static func settings(of project: Project) throws(NewContentError) -> (SiteSettings, String) {
    let display = project.content.display.isEmpty ? "site.yaml" : "\(project.content.display)/site.yaml"
    do {
      let file = try SourceFile.read(project.content.url.appendingPathComponent("site.yaml"), displayPath: display)
      return (try SiteSettingsFile.read(file).value, display)
    } catch {
      throw NewContentError(error.diagnostics.sorted().map(\.description).joined(separator: "\n"))
    }
  }

  /// A YAML double-quoted scalar, safe for any title.
  static func yamlString(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }

  static func isoDate(_ date: Date) -> String {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}
