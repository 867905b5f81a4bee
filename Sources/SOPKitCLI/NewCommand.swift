import ArgumentParser
import Foundation
import SOPKit

extension NewContent.Kind: ExpressibleByArgument {}

/// `sopkit new`: starts a guide, story or page from its template in Templates/new/.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start a new guide, story or page with valid front matter and an outline.",
    discussion: """
      The file is named after the title and never replaces an existing one. Its outline comes from \
      Templates/new/<kind>.md. Examples:
        sopkit new guide "Safety Circles" --role line-staff --topic safety-networks
        sopkit new story "Network Meetings in Kern" --county Kern
        sopkit new page "Contributing"
        sopkit new guide "Las Tres Casas" --lang es --from three-houses
      """)

  @Argument(help: "What to write: guide, story or page.")
  var kind: NewContent.Kind

  @Argument(help: "The title; the file name is made from it.")
  var title: String

  @Option(name: .customLong("role"), help: "A role id from site.yaml the guide is written for (repeatable).")
  var roles: [String] = []

  @Option(name: .customLong("topic"), help: "A topic id from site.yaml (repeatable).")
  var topics: [String] = []

  @Option(help: "The county a story comes from.")
  var county: String?

  @Option(help: "The file name without .md, when the title does not make a good one.")
  var slug: String?

  @Option(
    name: .customLong("lang"),
    help: "Start a translation into this language (an id from site.yaml's languages); needs --from.")
  var language: String?

  @Option(name: .customLong("from"), help: "The slug of the original to translate, such as three-houses.")
  var original: String?

  @OptionGroup var folders: SourceFolders

  func validate() throws {
    if kind != .guide && !(roles.isEmpty && topics.isEmpty) {
      throw ValidationError("--role and --topic are for guides only")
    }
    if kind != .story && county != nil { throw ValidationError("--county is for stories only") }
    if (language == nil) != (original == nil) { throw ValidationError("--lang and --from go together") }
    if language != nil && !(roles.isEmpty && topics.isEmpty && county == nil && slug == nil) {
      throw ValidationError("a translation takes its slug, roles, topics and county from the original (--from)")
    }
  }

  func run() throws {
    let project = Project(content: folders.content, templates: folders.templates)
    let content = NewContent(kind: kind, title: title, slug: slug, roles: roles, topics: topics, county: county)
    do {
      let path =
        if let language, let original {
          try NewTranslation(kind: kind, title: title, language: language, original: original)
            .write(in: project)
        } else {
          try content.write(in: project)
        }
      print("Wrote \(path) as a draft: 'sopkit serve --drafts' shows it; delete its line 'draft: true' to publish it")
    } catch {
      StandardError.error(error.description)
      throw ExitCode(1)
    }
  }
}
