import Testing

extension ExternalProcessTests {
  /// The search cases of Tests/Fixtures/search-cases.json (misspellings, acronyms, hostile input) on the index the
  /// real `sopkit` builds of the sample site, searched by the browser's own engine under Node. search_test.py runs
  /// the same cases in Chromium.
  struct SearchCasesTests {
    @Test func theSampleSiteAnswersEverySearchCase() throws {
      let site = try SampleBuild.site()
      let result = try Command.tool("node", ["Tests/JavaScript/cases.mjs", site.path])
      #expect(result.status == 0 && !result.timedOut, "search cases:\n\(result.transcript)")
    }
  }
}
