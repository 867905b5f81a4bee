import ArgumentParser
import Foundation
import SOPKit

/// `sopkit serve`: builds the site in memory and serves it, rebuilding and reloading on every change.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site and preview it in a browser, rebuilding on every change.",
    discussion: """
      Watches the content, templates and public folders. Open pages reload by themselves after each \
      rebuild; while a change has errors, the terminal and the browser show them and the last good build \
      stays served. Nothing is written to the output folder. Press Ctrl-C to stop.
      """)

  @OptionGroup var projectOptions: ProjectOptions

  @OptionGroup var overlayOption: OverlayOption

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8000

  @Option(help: "The address to listen on. Only this computer can reach the default.")
  var host = "127.0.0.1"

  @Flag(name: .shortAndLong, help: "Print nothing but errors and the address.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also print the time each stage of each build took.")
  var verbose = false

  /// Writes a line at once, so a program reading the pipe sees the address while the server runs.
  private static func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  func run() async throws {
    let builder = SiteBuilder(
      project: projectOptions.project(overlay: overlayOption),
      options: BuildOptions(includeDrafts: projectOptions.drafts, writeOutput: false)
    )
    let quiet = self.quiet
    let verbose = self.verbose
    let server = PreviewServer(builder: builder, host: host, port: port) { event in
      switch event {
      case .listening(let url):
        Self.say("Serving the site at \(url) (press Ctrl-C to stop)")
      case .built(let report):
        if !quiet {
          DiagnosticPrinter.print(report.warnings, countLine: false)
          let milliseconds = Int((report.seconds * 1000).rounded())
          if report.pagesRendered < report.pageCount {
            Self.say("Rebuilt \(report.pagesRendered) of \(report.pageCount) pages in \(milliseconds) ms")
          } else {
            Self.say("Built \(report.pageCount) pages in \(milliseconds) ms")
          }
          if verbose {
            for stage in report.stageSeconds {
              Self.say("  \(stage.stage): \(String(format: "%.3f", stage.seconds)) s")
            }
          }
        }
      case .failed(let diagnostics):
        DiagnosticPrinter.print(diagnostics, countLine: true)
      case .indexed(let seconds):
        if verbose { Self.say("  search index updated in \(Int((seconds * 1000).rounded())) ms") }
      }
    }
    do {
      try await server.run()
    } catch PreviewServer.StartFailure.portInUse(let port) {
      FileHandle.standardError.write(
        Data("error: port \(port) is already in use; choose another with --port, or --port 0 for any free one\n".utf8))
      throw ExitCode(1)
    } catch {
      FileHandle.standardError.write(Data("sopkit serve: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}
