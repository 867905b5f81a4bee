import ArgumentParser
import SOPKit

/// The two folders every command reads: the content and the templates.
struct SourceFolders: ParsableArguments {
  @Option(help: "The folder of Markdown content and site data.")
  var content = "Content"

  @Option(help: "The folder of Mustache templates.")
  var templates = "Templates"
}

/// The folders and flags every command that builds the site shares.
struct ProjectOptions: ParsableArguments {
  @OptionGroup var folders: SourceFolders

  @Option(name: .customLong("public"), help: "The folder of static files copied as they are.")
  var publicFolder = "Public"

  @Flag(help: "Include guides, stories and pages marked 'draft: true'.")
  var drafts = false

  func project(output: String = "Output", overlay: OverlayOption? = nil) -> Project {
    Project(
      content: folders.content, templates: folders.templates, publicAssets: publicFolder, output: output,
      overlay: overlay?.overlay)
  }
}

/// `--overlay DIR`, for the commands that build the site: a county's own pages, contacts and settings.
struct OverlayOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A county's folder laid out like Content/: its guides, stories, pages and contacts are added, and a file at the same path as a statewide one replaces it.",
      valueName: "dir"))
  var overlay: String?
}
