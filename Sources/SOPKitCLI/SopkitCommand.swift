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
    subcommands: [
      BuildCommand.self, CheckCommand.self, ServeCommand.self, BundleCommand.self, NewCommand.self, ImportCommand.self,
      ListCommand.self,
    ],
    defaultSubcommand: nil)

  /// Runs the command; usage mistakes exit with 2 (argument-parser's default is 64).
  static func main() async {
    if let mistyped = mistypedCommand(in: CommandLine.arguments.dropFirst()) {
      StandardError.error(mistyped)
      Foundation.exit(2)
    }
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

  /// The message for a first argument that is no command (`sopkit buidl`), or nil.
  static func mistypedCommand(in arguments: ArraySlice<String>) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName }
    guard !names.contains(first) else { return nil }
    let known = names.map { "'\($0)'" }.joined(separator: ", ")
    if let near = DidYouMean.suggestion(for: first, among: names) {
      return "'\(first)' is not a sopkit command; did you mean '\(near)'? The commands are \(known)"
    }
    return "'\(first)' is not a sopkit command; the commands are \(known)"
  }
}
