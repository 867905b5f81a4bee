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

  @Flag(help: "Also list every guide's state in each other language: translated, outdated or missing.")
  var translations = false

  func run() throws {
    let builder = SiteBuilder(
      project: projectOptions.project(overlay: overlayOption),
      options: BuildOptions(includeDrafts: projectOptions.drafts, writeOutput: false))
    let diagnostics: [Diagnostic]
    var report: TranslationReport?
    do {
      let built = try builder.buildInMemory()
      diagnostics = built.report.warnings
      report = built.translationReport
      ReplacementPrinter.print(built.report.replacements)
    } catch {
      diagnostics = error.diagnostics
    }
    DiagnosticPrinter.print(diagnostics, countLine: true)
    if translations, let report { print(report.text, terminator: "") }
    let failing = diagnostics.contains { $0.severity == .error || strict }
    if failing { throw ExitCode(1) }
  }
}
