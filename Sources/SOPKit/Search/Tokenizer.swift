import Foundation

/// Splits text into folded words the way `Public/js/search-engine.js` does: runs of letters, marks and digits
/// (joined by apostrophes), folded by compatibility decomposition, mark removal and lowercasing.
///
/// Words are scanned as UTF-8 bytes; each distinct word is folded and stemmed once per tokenizer (one build), and
/// its terms numbered by a `TermTable`, so that documents are read as term numbers.
struct Tokenizer: Sendable {
  /// The terms of one word, by number: `unaccented` is the term of the word written without accents, for a
  /// stemmer that reads accents (so "garantia" meets "garantía"), and `term` otherwise.
  struct WordTerms: Sendable {
    var term: Int32
    var unaccented: Int32
  }

  let stemmer: (any Stemmer)?
  /// The terms by number, shared with `unstemmed()`.
  let termTable: TermTable
  private let cache = WordCache()

  init(stemmer: (any Stemmer)?) {
    self.init(stemmer: stemmer, termTable: TermTable())
  }

  private init(stemmer: (any Stemmer)?, termTable: TermTable) {
    self.stemmer = stemmer
    self.termTable = termTable
  }

  /// A tokenizer that only folds words, numbering terms in the same table as this one.
  func unstemmed() -> Tokenizer {
    Tokenizer(stemmer: nil, termTable: termTable)
  }

  /// Appends the terms of each word of `text`, in order, to `terms`.
  func appendWordTerms(of text: String, to terms: inout [WordTerms]) {
    Self.scan(text) { bytes, isASCII in
      // An ASCII word folds to its lowercase bytes; any other word is keyed by its raw text, which has non-ASCII
      // bytes, so the two kinds of key never meet.
      if isASCII { Self.lowercaseASCII(bytes) }
      let key = UnsafeBufferPointer(bytes)
      if let known = cache.terms(for: key) {
        terms.append(known)
        return
      }
      let computed = wordTerms(String(decoding: key, as: UTF8.self), isASCII: isASCII)
      cache.store(computed, for: key)
      terms.append(computed)
    }
  }

  /// The terms of one word, from its raw (or, for ASCII, lowercased) spelling.
  private func wordTerms(_ key: String, isASCII: Bool) -> WordTerms {
    let unaccented = termTable.number(of: term(isASCII ? key : Self.fold(key)))
    guard stemmer?.wantsAccents == true, !isASCII else { return WordTerms(term: unaccented, unaccented: unaccented) }
    let accented = termTable.number(of: Self.fold(term(key.precomposedStringWithCanonicalMapping.lowercased())))
    return WordTerms(term: accented, unaccented: unaccented)
  }

  /// The index term of one folded word; apostrophes go once the stemmer has used them.
  func term(_ word: String) -> String {
    let isPlain = stemmer?.wantsAccents == true || word.utf8.allSatisfy { Self.isASCIIWordByte($0) }
    let stemmed = isPlain ? (stemmer?.stem(word) ?? word) : word
    guard stemmed.utf8.contains(Self.apostrophe) else { return stemmed }
    return String(decoding: stemmed.utf8.filter { $0 != Self.apostrophe }, as: UTF8.self)
  }

  /// Every folded word (apostrophes dropped) seen so far, with its term's number.
  func foldedWords() -> [(word: String, term: Int)] {
    cache.all().map { key, terms in
      let word = key.utf8.allSatisfy { $0 < 0x80 } ? key : Self.fold(key)
      return (String(decoding: word.utf8.filter { $0 != Self.apostrophe }, as: UTF8.self), Int(terms.term))
    }
  }

  /// The folded words (apostrophes dropped) seen so far whose term does not start with all but the word's last
  /// letter, with their terms, sorted in JavaScript's string order. A word typed halfway ("mapp" of "mapping", whose
  /// term is "map") is found through these, since neither its stem nor any term starts with what was typed.
  func prefixWords() -> [(word: String, term: String)] {
    var found = Set<[String]>()
    let terms = termTable.all()
    // Only plain ASCII words are stemmed; any other word's term is the word itself.
    for (key, wordTerms) in cache.all() where key.utf8.allSatisfy({ $0 < 0x80 }) {
      let word = String(decoding: key.utf8.filter { $0 != Self.apostrophe }, as: UTF8.self)
      let term = terms[Int(wordTerms.term)]
      let shared = zip(word.utf8, term.utf8).prefix { $0 == $1 }.count
      if word.utf8.count - shared >= 2 { found.insert([word, term]) }
    }
    return found.sorted { $0[0] == $1[0] ? $0[1] < $1[1] : $0[0].utf16.lexicographicallyPrecedes($1[0].utf16) }
      .map { ($0[0], $0[1]) }
  }

  /// The folded words of `text`.
  func words(_ text: String) -> [String] {
    var words: [String] = []
    Self.scan(text) { bytes, isASCII in
      if isASCII {
        Self.lowercaseASCII(bytes)
        words.append(String(decoding: bytes, as: UTF8.self))
      } else {
        words.append(Self.fold(String(decoding: bytes, as: UTF8.self)))
      }
    }
    return words
  }

  private static let apostrophe = UInt8(ascii: "'")

  /// Calls `body` with the UTF-8 bytes of each raw word of `text` (inner apostrophes written as `'`) and whether
  /// the word is all ASCII. The buffer is reused: `body` may change it but must not keep it.
  private static func scan(_ text: String, _ body: (UnsafeMutableBufferPointer<UInt8>, Bool) -> Void) {
    var text = text
    text.withUTF8 { utf8 in
      // A word is never longer than its text (a `’` of three bytes becomes a `'` of one).
      let current = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, utf8.count))
      defer { current.deallocate() }
      var length = 0
      var isASCII = true
      var pendingApostrophe = false
      func flush() {
        if length > 0 { body(UnsafeMutableBufferPointer(rebasing: current[..<length]), isASCII) }
        length = 0
        isASCII = true
        pendingApostrophe = false
      }
      func append(_ byte: UInt8) {
        if pendingApostrophe {
          current[length] = apostrophe
          length += 1
          pendingApostrophe = false
        }
        current[length] = byte
        length += 1
      }
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        if byte < 0x80 {
          if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
            append(byte)
          } else if byte == apostrophe && length > 0 && !pendingApostrophe {
            pendingApostrophe = true
          } else {
            flush()
          }
          index += 1
          continue
        }
        let (scalar, scalarLength) = decode(utf8, at: index)
        let bytes = utf8[index..<(index + scalarLength)]
        index += scalarLength
        switch kind(scalar) {
        case .wordStart:
          isASCII = false
          for byte in bytes { append(byte) }
        case .mark where length > 0 && !pendingApostrophe:
          isASCII = false
          for byte in bytes { append(byte) }
        case .apostrophe where length > 0 && !pendingApostrophe: pendingApostrophe = true
        default: flush()
        }
      }
      flush()
    }
  }

  /// The scalar that starts at `index` of valid UTF-8, and its length in bytes.
  private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = utf8[index]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (0x7F >> length)
    for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
    return (Unicode.Scalar(value)!, length)
  }

  private enum Kind { case wordStart, mark, apostrophe, other }

  /// The kind of a non-ASCII scalar.
  private static func kind(_ scalar: Unicode.Scalar) -> Kind {
    if scalar == "\u{2019}" { return .apostrophe }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber:
      return .wordStart
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    default: return .other
    }
  }

  private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
  }

  private static func lowercaseASCII(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
  }

  /// Compatibility decomposition, marks removed, lowercase (for words that are not plain ASCII).
  private static func fold(_ word: String) -> String {
    let decomposed = word.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { scalar in
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: false
      default: true
      }
    }
    return String(String.UnicodeScalarView(decomposed)).lowercased()
  }
}
