import Testing

@testable import SOPKit

/// The word table the tokenizer reads every occurrence through.
struct WordCacheTests {
  private func withBytes<Result>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var word = word
    return word.withUTF8(body)
  }

  @Test func findsEveryStoredWordAfterGrowingAndNothingElse() {
    let cache = WordCache()
    // Words that share prefixes and lengths, more than the first table's slots, and one that is not ASCII.
    let words = (0..<5000).map { "w\($0)" } + ["w", "ww", "niño"]
    for (number, word) in words.enumerated() {
      let terms = Tokenizer.WordTerms(term: Int32(number), unaccented: Int32(-number))
      withBytes(word) { cache.store(terms, for: $0) }
    }
    for (number, word) in words.enumerated() {
      let found = withBytes(word) { cache.terms(for: $0) }
      #expect(found?.term == Int32(number) && found?.unaccented == Int32(-number), "\(word)")
    }
    for unknown in ["w5000", "nino", "W1", "w1 ", "", "www"] {
      #expect(withBytes(unknown) { cache.terms(for: $0) } == nil, "\(unknown)")
    }
    let all = cache.all()
    #expect(all.count == words.count && all["niño"]?.term == Int32(words.count - 1) && all["w42"]?.term == 42)
  }

  @Test func storingAWordAgainReplacesItsTerms() {
    let cache = WordCache()
    withBytes("map") { cache.store(Tokenizer.WordTerms(term: 1, unaccented: 1), for: $0) }
    withBytes("map") { cache.store(Tokenizer.WordTerms(term: 2, unaccented: 3), for: $0) }
    #expect(withBytes("map") { cache.terms(for: $0) }?.unaccented == 3 && cache.all().count == 1)
  }
}
