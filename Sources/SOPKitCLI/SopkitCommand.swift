import ArgumentParser
import Foundation
import SOPKit

/// The `sopkit` command and its subcommands.
@main
struct SopkitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sopkit",
    abstract: "Builds the Safety Organized Practice Toolkit website from Content/, Templates/ and Public/.",
    version: "sopkit \(ProgramVersion.description)",
    subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, BundleCommand.self, NewCommand.self],
    defaultSubcommand: nil)

  /// Runs the command; usage mistakes exit with 2 (argument-parser's default is 64).
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
