import Testing

extension ExternalProcessTests {
  /// Search end to end in headless Chromium on the sample build, from disk and from a server under a sub-path.
  struct SearchBrowserTests {
    @Test func searchWorksOverFileAndHTTP() throws {
      try BrowserScript.run("search_test.py")
    }
  }
}
