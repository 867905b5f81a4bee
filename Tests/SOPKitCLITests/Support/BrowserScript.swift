import Foundation
import Testing

/// Runs one of the Python browser checks in Tests/Browser on the sample build, with Debian's Python and Selenium.
enum BrowserScript {
  static let python = URL(fileURLWithPath: "/usr/bin/python3")

  /// Runs `Tests/Browser/<script>` with the built site's folder (or `site`) and `arguments`; records its
  /// transcript on failure.
  static func run(_ script: String, _ arguments: [String] = [], site: URL? = nil, timeout: Double = 600) throws {
    let site = try site ?? SampleBuild.site()
    let path = Command.repository.appendingPathComponent("Tests/Browser/\(script)").path
    let result = try Command.run(python, [path, site.path] + arguments, timeout: timeout)
    #expect(result.status == 0 && !result.timedOut, "\(script):\n\(result.transcript)")
  }
}
