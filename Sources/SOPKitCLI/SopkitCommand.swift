import ArgumentParser
import SOPKit

/// The `sopkit` command and its subcommands.
@main
struct SopkitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sopkit",
    abstract: "Builds the Safety Organized Practice Toolkit website from Content/, Templates/ and Public/.",
    subcommands: [])
}
