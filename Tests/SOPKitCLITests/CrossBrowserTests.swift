import Testing

extension ExternalProcessTests {
  /// The reader's checks in Firefox ESR and WebKitGTK, from disk and over HTTP: search with filters, live results
  /// and the keyboard, the language switcher, and the phone layout and menu in a 375 px frame (Tests/Browser).
  @Suite(.serialized) struct CrossBrowserTests {
    @Test func searchSwitcherMenuAndPhoneLayoutWorkInFirefoxESR() throws {
      try BrowserScript.run("engines_test.py", ["--engine", "firefox"])
    }

    @Test func searchSwitcherMenuAndPhoneLayoutWorkInWebKitGTK() throws {
      try BrowserScript.run("engines_test.py", ["--engine", "webkit"])
    }
  }
}
