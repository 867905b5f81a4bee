import Testing

extension ExternalProcessTests {
  /// The share page in headless Chromium from file:// and over HTTP, down to `sopkit import` and a draft build
  /// (Tests/Browser/share_test.py).
  @Suite(.serialized) struct ShareBrowserTests {
    @Test func aSenderMakesAPackageThatImportTakesIn() throws {
      try BrowserScript.run("share_test.py", ["--sopkit", Command.sopkit.path])
    }
  }
}
