import Foundation

/// The ids front matter and `sopkit new` take (roles, topics, regions, counties), each with its name, for
/// `sopkit list`.
public struct SiteIDs: Sendable {
  /// One id and what it names.
  public struct Entry: Sendable, Equatable {
    public var id: String
    public var name: String
  }

  public var roles: [Entry]
  public var topics: [Entry]
  /// The regions of `contacts.yaml`, an overlay's own first.
  public var regions: [Entry]
  /// Each county once, A to Z, with the teams that serve it.
  public var counties: [Entry]

  /// Reads `site.yaml` and `contacts.yaml` (and the overlay's `contacts.yaml`); their problems are the error.
  public static func load(project: Project) throws(NewContentError) -> SiteIDs {
    let (settings, _) = try NewContent.settings(of: project)
    let regions = try Self.regions(of: project)
    var teams: [String: (name: String, regions: [String])] = [:]
    for region in regions {
      for county in region.counties {
        teams[county.lowercased(), default: (county, [])].regions.append(region.name)
      }
    }
    return SiteIDs(
      roles: settings.roles.map { Entry(id: $0.id, name: $0.name) },
      topics: settings.topics.map { Entry(id: $0.id, name: $0.name) },
      regions: regions.map { Entry(id: $0.id, name: $0.name) },
      counties: teams.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        .map { Entry(id: $0.name, name: $0.regions.joined(separator: "; ")) })
  }

  private static func regions(of project: Project) throws(NewContentError) -> [Region] {
    func read(_ folder: Project.Folder) -> (URL, String) {
      let display = folder.display.isEmpty ? "contacts.yaml" : "\(folder.display)/contacts.yaml"
      return (folder.url.appendingPathComponent("contacts.yaml"), display)
    }
    do {
      let (url, display) = read(project.content)
      guard FileManager.default.fileExists(atPath: url.path) else { return [] }
      var regions = try ContactsFile.read(try SourceFile.read(url, displayPath: display)).value
      if let overlay = project.overlay {
        let (url, display) = read(overlay)
        if FileManager.default.fileExists(atPath: url.path) {
          regions = try ContactsFile.read(try SourceFile.read(url, displayPath: display), addingTo: regions).value
        }
      }
      return regions.map(\.value)
    } catch {
      throw NewContentError(error.diagnostics.sorted().map(\.description).joined(separator: "\n"))
    }
  }
}
