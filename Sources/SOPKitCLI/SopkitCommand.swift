import ArgumentParser
import Foundation
import SOPKit

/// The `sopkit` command and its subcommands.
@main
struct SopkitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sopkit",
    abstract: "Builds the Safety Organized Practice Toolkit website from Content/, Templates/ and Public/.",
    subcommands: [BuildCommand.self, CheckCommand.self],
    defaultSubcommand: nil)

  /// Runs the command; usage mistakes exit with 2 (argument-parser's default is 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
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
