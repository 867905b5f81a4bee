import Foundation
import Testing

extension ExternalProcessTests {
  /// The sample build checked by outside tools in headless Chromium: vnu, axe-core, layout, print (Tests/Browser).
  @Suite(.serialized) struct AccessibilityTests {
    @Test func everyPageIsValidHTMLAndTheFeedAndSitemapFollowTheirSpecs() throws {
      try BrowserScript.run("validate_test.py", ["--sopkit", Command.sopkit.path])
    }

    @Test func everyPageKindPassesAxeWCAG21AA() throws {
      try BrowserScript.run("a11y_test.py")
    }

    @Test func interactiveStatesPassAxeWCAG22AAAndContrastAndShowFocus() throws {
      try BrowserScript.run("states_test.py")
    }

    @Test func aPhonesFirstScreenShowsEveryPageKindsTitleAndTextAlsoInACountyCopy() throws {
      let county = FileManager.default.temporaryDirectory.appendingPathComponent("sopkit-county-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: county) }
      let build = try Command.sopkit(["build", "--overlay", BundleTests.overlay, "--output", county.path])
      #expect(build.status == 0, "\(build.transcript)")
      try BrowserScript.run("first_screen_test.py", [county.path])
    }

    @Test func darkModeForcedColoursReducedMotionAndLargeTextKeepEveryPageReadable() throws {
      try BrowserScript.run("comfort_test.py")
    }

    @Test func pagesFitPhonesAndDesktopsAndPrintCleanly() throws {
      try BrowserScript.run("layout_test.py")
    }
  }
}
