import Foundation

/// The repository's sample site, built once per test run by the real `sopkit` binary into a temporary folder.
enum SampleBuild {
  private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "sopkit-sample-\(UUID().uuidString)")

  /// The built site's folder; the build's own failure is a test failure wherever it is used.
  static let output: Result<URL, SampleBuildError> = {
    // Every test of the run shares the build, so it goes when the test process ends.
    atexit { try? FileManager.default.removeItem(at: SampleBuild.folder) }
    do {
      let result = try Command.sopkit(["build", "--output", folder.appendingPathComponent("site").path])
      guard result.status == 0 else { return .failure(SampleBuildError(message: result.transcript)) }
      return .success(folder.appendingPathComponent("site"))
    } catch {
      return .failure(SampleBuildError(message: "\(error)"))
    }
  }()

  /// The built site, or a thrown error that names what the build printed.
  static func site() throws -> URL { try output.get() }
}

/// Why the sample site did not build.
struct SampleBuildError: Error, CustomStringConvertible {
  var message: String
  var description: String { "sopkit build of the sample site failed:\n\(message)" }
}
