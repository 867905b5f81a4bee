import ArgumentParser
import SOPKit

/// `sopkit check`: runs every check the build runs and reports all problems, writing nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the content and templates without writing anything.",
    discussion: "Prints every problem as path:line:col: error: message, then a count. Exits 1 when there are errors.")

  @OptionGroup var projectOptions: ProjectOptions

  @OptionGroup var overlayOption: OverlayOption

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  func run() throws {
    let builder = SiteBuilder(
      project: projectOptions.project(overlay: overlayOption),
      options: BuildOptions(includeDrafts: projectOptions.drafts, writeOutput: false))
    let diagnostics: [Diagnostic]
    do {
      let report = try builder.build()
      diagnostics = report.warnings
      ReplacementPrinter.print(report.replacements)
    } catch {
      diagnostics = error.diagnostics
    }
    DiagnosticPrinter.print(diagnostics, countLine: true)
    let failing = diagnostics.contains { $0.severity == .error || strict }
    if failing { throw ExitCode(1) }
  }
}
