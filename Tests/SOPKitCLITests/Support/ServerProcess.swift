import Foundation

/// A long-running program started without waiting for it: its output is collected as it comes,
/// and it is always stopped, by SIGINT first and then SIGKILL.
final class ServerProcess: @unchecked Sendable {
  private let process = Process()
  private let lock = NSLock()
  private var output = Data()
  private var errors = Data()

  init(_ executable: URL, _ arguments: [String], in directory: URL) throws {
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    out.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.append(handle.availableData, error: false)
    }
    err.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.append(handle.availableData, error: true)
    }
    try process.run()
  }

  private func append(_ data: Data, error: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if error { errors.append(data) } else { output.append(data) }
  }

  var standardOutput: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
  var standardError: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
  var transcript: String { "stdout:\n\(standardOutput)\nstderr:\n\(standardError)" }
  var isRunning: Bool { process.isRunning }
  var processIdentifier: Int32 { process.processIdentifier }

  /// The address the server printed (`Serving the site at http://…`), waiting up to `timeout` seconds for it.
  func address(timeout: Double = 60) -> URL? {
    var base: URL?
    Self.waitUntil(timeout: timeout) {
      base = standardOutput.split(separator: "\n")
        .first { $0.hasPrefix("Serving the site at ") }
        .flatMap { $0.split(separator: " ").first { $0.hasPrefix("http://") } }
        .flatMap { URL(string: String($0)) }
      return base != nil || !isRunning
    }
    return base
  }

  /// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
  @discardableResult
  static func waitUntil(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
  }

  /// Sends SIGINT and waits up to `timeout` seconds; kills the process if it has not stopped. Returns its exit status.
  @discardableResult
  func stop(timeout: Double = 10) -> Int32? {
    guard process.isRunning else { return process.terminationStatus }
    process.interrupt()
    if Self.waitUntil(timeout: timeout, { !process.isRunning }) {
      process.waitUntilExit()
      return process.terminationStatus
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return nil
  }

  deinit { stop(timeout: 2) }
}
