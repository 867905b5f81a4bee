import ArgumentParser
import Foundation
import SOPKit

/// `sopkit import`: takes in a story or tool sent from the share page.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Take in a story or tool sent from the share page (a share-….zip) as a draft story.",
    discussion: """
      Checks the package (its files against manifest.json, the story with every rule of 'sopkit check', and \
      the confidentiality check), then writes Content/stories/<slug>.md with draft: true and its files under \
      Content/stories/files/<slug>/. Writes all or nothing, and never replaces a file: use --slug to choose \
      another name.
      """)

  @Argument(help: "The package a sender made with the share page.")
  var package: String

  @Option(help: "The story's file name without .md, when the title does not make a good one or it is taken.")
  var slug: String?

  @Flag(help: "Treat warnings, such as text that looks like a phone number, as errors.")
  var strict = false

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    let url = URL(fileURLWithPath: package)
    let job = StoryImport(package: url, display: package, slug: slug, strict: strict)
    do {
      let result = try job.run(in: projectOptions.project())
      DiagnosticPrinter.print(result.warnings, countLine: false)
      print("Wrote \(result.storyPath) (a draft)")
      for path in result.filePaths { print("Wrote \(path)") }
      print(
        """
        Next steps:
          sopkit serve --drafts     read it at stories/\((result.storyPath as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: ".html"))
          edit it, then remove 'draft: true' from its front matter to publish it
        """)
    } catch {
      DiagnosticPrinter.print(error.diagnostics, countLine: true)
      FileHandle.standardError.write(Data("nothing was written\n".utf8))
      throw ExitCode(1)
    }
  }
}
