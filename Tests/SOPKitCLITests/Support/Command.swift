import Foundation

/// Runs a program to completion with a time limit and captures what it printed.
struct Command {
  /// What a finished program left behind.
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
    var timedOut: Bool

    /// Both streams, for test failure messages.
    var transcript: String { "exit \(status)\(timedOut ? " (timed out)" : "")\n\(standardOutput)\n\(standardError)" }
  }

  /// The repository root, found from this file's path.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The folder `swift build` put the products in (the test runner's own folder).
  static let products: URL = {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
      }
    #endif
    return Bundle.main.bundleURL
  }()

  /// The built `sopkit` executable.
  static var sopkit: URL { products.appendingPathComponent("sopkit") }

  /// Runs `executable` with `arguments` in `directory`; kills it after `timeout` seconds.
  static func run(
    _ executable: URL, _ arguments: [String], in directory: URL = repository, timeout: Double = 120,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the program runs, so a chatty program never blocks on a full pipe.
    nonisolated(unsafe) var outputData = Data()
    nonisolated(unsafe) var errorData = Data()
    let readers = DispatchGroup()
    DispatchQueue.global().async(group: readers) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: readers) { errorData = error.fileHandleForReading.readDataToEndOfFile() }
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        timedOut = true
        process.terminate()
        break
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    readers.wait()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self), timedOut: timedOut)
  }

  /// Runs the `sopkit` binary.
  static func sopkit(_ arguments: [String], in directory: URL = repository, timeout: Double = 120) throws -> Result {
    try run(sopkit, arguments, in: directory, timeout: timeout)
  }

  /// Runs a program found on the PATH (such as `node` or `python3`).
  static func tool(_ name: String, _ arguments: [String], in directory: URL = repository, timeout: Double = 300)
    throws -> Result
  {
    try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory, timeout: timeout)
  }
}
