import Testing

extension ExternalProcessTests {
  /// Runs the JavaScript unit tests (tokenizer, stemmer, ranking, snippets) with Node's own test runner.
  struct JavaScriptTests {
    @Test func nodeTestsPass() throws {
      let result = try Command.tool("node", ["--test", "Tests/JavaScript/"])
      #expect(result.status == 0 && !result.timedOut, "node --test:\n\(result.transcript)")
    }
  }
}
