import ArgumentParser
import Foundation
import SOPKit

/// `sopkit build`: builds the site into the output folder, replacing it only when the build succeeds.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the site into the output folder.",
    discussion:
      "Paths are relative to the working directory. The output folder is replaced only when the build succeeds.")

  @OptionGroup var projectOptions: ProjectOptions

  @OptionGroup var overlayOption: OverlayOption

  @Option(help: "The folder the built site is written to.")
  var output = "Output"

  @Flag(help: "Build everything even when nothing changed since the last build into the output folder.")
  var force = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also print the time each stage took.")
  var verbose = false

  @Flag(help: "Say on the home page and in every footer which build this is, as 'sopkit bundle' does.")
  var stamp = false

  func run() throws {
    let showsProgress = !quiet && isatty(STDOUT_FILENO) != 0
    var progress: (@Sendable (String) -> Void)?
    if showsProgress {
      progress = { stage in FileHandle.standardOutput.write(Data("\r\u{1B}[KBuilding: \(stage)…".utf8)) }
    }
    var options = BuildOptions(includeDrafts: projectOptions.drafts, force: force, progress: progress)
    options.stampsBuild = stamp
    options.sourceDateEpoch = try SourceDateEpoch.value()
    let builder = SiteBuilder(project: projectOptions.project(output: output, overlay: overlayOption), options: options)
    do {
      let report = try builder.build()
      if showsProgress { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
      if !quiet {
        DiagnosticPrinter.print(report.warnings, countLine: false)
        let seconds = String(format: "%.2f", report.seconds)
        let counts =
          "\(report.pageCount) pages (\(report.guideCount) guides, \(report.storyCount) stories; \(report.fileCount) files)"
        if report.upToDate {
          print(
            "Nothing changed since the last build: \(output) is up to date with its \(counts), checked in \(seconds) s")
        } else {
          print("Built \(counts) into \(output) in \(seconds) s")
        }
        if verbose {
          for stage in report.stageSeconds { print("  \(stage.stage): \(String(format: "%.3f", stage.seconds)) s") }
        }
      }
    } catch {
      if showsProgress { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
      DiagnosticPrinter.print(error.diagnostics, countLine: true)
      throw ExitCode(1)
    }
  }
}
