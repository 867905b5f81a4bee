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

/// Spanish words are stemmed with their accents, then folded; the stem of the unaccented spelling is kept too.
struct SpanishTokenizerTests {
  let tokenizer = Tokenizer(stemmer: SpanishStemmer())

  @Test func stemsWithAccentsThenFolds() {
    #expect(
      tokenizer.terms("Las casas de las Familias: información") == ["las", "cas", "de", "las", "famili", "inform"])
  }

  @Test func aWordWhoseStemNeedsItsAccentAlsoGetsTheStemOfItsPlainSpelling() {
    #expect(tokenizer.terms("garantía") == ["garant"])
    #expect(tokenizer.unaccentedTerms("garantía") == ["garanti"])
    #expect(tokenizer.terms("garantia") == ["garanti"])
  }
}

extension Tokenizer {
  /// The index terms of `text`, in order, spelled out: folded words, stemmed when the word is plain ASCII (any
  /// word, accents still on, for a stemmer that wants them).
  func terms(_ text: String) -> [String] { spelled(text, \.term) }

  /// For a stemmer that reads accents: the terms of `text`'s words as if written without accents, so that a
  /// query typed without them ("garantia") still meets the page ("garantía"); `terms` for other stemmers.
  func unaccentedTerms(_ text: String) -> [String] { spelled(text, \.unaccented) }

  private func spelled(_ text: String, _ number: KeyPath<WordTerms, Int32>) -> [String] {
    var words: [WordTerms] = []
    appendWordTerms(of: text, to: &words)
    let terms = termTable.all()
    return words.map { terms[Int($0[keyPath: number])] }
  }
}
