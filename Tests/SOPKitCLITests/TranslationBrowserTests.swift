import Testing

extension ExternalProcessTests {
  /// The sample site in English and Spanish in headless Chromium, from disk and from a server under a sub-path:
  /// the language switcher, Spanish search, and a crawl of every link.
  struct TranslationBrowserTests {
    @Test func switcherSpanishSearchAndEveryLinkWorkOverFileAndHTTP() throws {
      try BrowserScript.run("translation_test.py")
    }
  }
}
