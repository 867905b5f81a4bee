import Testing

@testable import SOPKit

/// Folding and splitting, which must agree with `Public/js/search-engine.js` (see Tests/JavaScript/tokenizer.test.mjs).
struct TokenizerTests {
  let tokenizer = Tokenizer(stemmer: EnglishStemmer())

  @Test func foldsCaseAndAccents() {
    #expect(tokenizer.words("Café NIÑOS Ｆｕｌｌ ﬁle") == ["cafe", "ninos", "full", "file"])
  }

  @Test func keepsApostrophesInsideWordsOnly() {
    #expect(tokenizer.words("child’s 'worries' rock'n'roll") == ["child's", "worries", "rock'n'roll"])
  }

  @Test func stemsPlainWordsAndDropsApostrophes() {
    #expect(tokenizer.terms("The children's Worries, networks") == ["the", "children", "worri", "network"])
  }

  @Test func listsTheWordsAPrefixCannotReachThroughTheirStem() {
    let tokenizer = Tokenizer(stemmer: EnglishStemmer())
    _ = tokenizer.terms("Mapping maps networks; she worried about Café prices")
    let words = tokenizer.prefixWords()
    #expect(words.map(\.word) == ["mapping", "worried"])
    #expect(words.map(\.term) == ["map", "worri"])
  }
}
