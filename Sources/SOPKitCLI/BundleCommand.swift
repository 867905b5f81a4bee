import ArgumentParser
import Foundation
import SOPKit

/// `sopkit bundle`: builds the site and zips it into one folder that works opened from a shared drive or USB stick.
struct BundleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bundle",
    abstract: "Build the site and zip it for a shared drive or a USB stick.",
    discussion: """
      The zip holds one folder named after the site and its date; unzipped, its index.html works from disk. \
      The home page and the footer say which build it is. The same input always makes the same zip: \
      the date comes from SOURCE_DATE_EPOCH when it is set, else from the newest date in the content. \
      The output folder is not touched. Without --output the zip is written to the folder sopkit is run in, named \
      like the folder inside it (such as safety-organized-practice-toolkit-2025-04-08.zip); the project's \
      .gitignore ignores zips there.
      """)

  @OptionGroup var projectOptions: ProjectOptions

  @OptionGroup var overlayOption: OverlayOption

  @Option(
    help: ArgumentHelp(
      "The zip file to write (default: <folder inside the zip>.zip in the working directory).",
      valueName: "file.zip"))
  var output: String?

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also print the time each stage took.")
  var verbose = false

  func run() throws {
    var options = BuildOptions(includeDrafts: projectOptions.drafts, writeOutput: false)
    options.stampsBuild = true
    options.sourceDateEpoch = try SourceDateEpoch.value()
    let project = projectOptions.project(overlay: overlayOption)
    let built: BuiltSite
    do {
      built = try SiteBuilder(project: project, options: options).buildInMemory()
    } catch {
      DiagnosticPrinter.print(error.diagnostics, countLine: true)
      throw ExitCode(1)
    }
    let bundle = OfflineBundle(built)
    let destination = URL(fileURLWithPath: output ?? bundle.folderName + ".zip")
    let start = ContinuousClock.now
    do {
      try OfflineBundle.checkDestination(destination, project: project)
      try bundle.write(to: destination)
    } catch {
      StandardError.error(error.description)
      throw ExitCode(1)
    }
    let zipSeconds = (ContinuousClock.now - start) / .seconds(1)
    if !quiet {
      let report = built.report
      DiagnosticPrinter.print(report.warnings, countLine: false)
      ReplacementPrinter.print(report.replacements)
      print(
        "Bundled \(report.pageCount) pages (\(report.guideCount) guides, \(report.storyCount) stories; \(report.fileCount) files) into \(output ?? destination.lastPathComponent), folder \(bundle.folderName)/ in \(String(format: "%.2f", report.seconds + zipSeconds)) s"
      )
      if verbose {
        for stage in report.stageSeconds + [("zip", zipSeconds)] {
          print("  \(stage.0): \(String(format: "%.3f", stage.1)) s")
        }
      }
    }
  }
}
