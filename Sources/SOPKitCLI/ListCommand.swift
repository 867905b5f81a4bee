import ArgumentParser
import SOPKit

/// `sopkit list`: the ids front matter and `sopkit new` take, with their names.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the role, topic or region ids, or the counties, with their names.",
    discussion: """
      Roles and topics come from site.yaml, regions and counties from contacts.yaml (and the overlay's). \
      Each line is an id, then its name; for a county, the teams that serve it.
      """)

  /// What `sopkit list` can list.
  enum Kind: String, CaseIterable, ExpressibleByArgument {
    case roles, topics, regions, counties
  }

  @Argument(help: "What to list: roles, topics, regions or counties.")
  var kind: Kind

  @Option(help: "The folder of Markdown content and site data.")
  var content = "Content"

  @OptionGroup var overlayOption: OverlayOption

  func run() throws {
    let ids: SiteIDs
    do {
      ids = try SiteIDs.load(project: Project(content: content, overlay: overlayOption.overlay))
    } catch {
      StandardError.error(error.description)
      throw ExitCode(1)
    }
    let entries =
      switch kind {
      case .roles: ids.roles
      case .topics: ids.topics
      case .regions: ids.regions
      case .counties: ids.counties
      }
    let width = entries.map(\.id.count).max() ?? 0
    for entry in entries {
      print(entry.id + String(repeating: " ", count: width - entry.id.count + 2) + entry.name)
    }
  }
}
