import Foundation

/// Splits text into folded words the way `Public/js/search-engine.js` does: runs of letters, marks and digits
/// (joined by apostrophes), folded by compatibility decomposition, mark removal and lowercasing.
///
/// Words are scanned as UTF-8 bytes; each distinct word is folded and stemmed once per tokenizer (one build),
/// and the result shared by every document through a locked cache.
struct Tokenizer: Sendable {
  let stemmer: (any Stemmer)?
  private let cache = TermCache()
  private let unaccentedCache = TermCache()

  init(stemmer: (any Stemmer)?) {
    self.stemmer = stemmer
  }

  /// The index terms of `text`, in order: folded words, stemmed when the word is plain ASCII (any word, accents
  /// still on, for a stemmer that wants them).
  func terms(_ text: String) -> [String] {
    let accents = stemmer?.wantsAccents == true
    return cachedTerms(text, cache: cache) { key, isASCII in
      if isASCII || !accents { return term(isASCII ? key : Self.fold(key)) }
      return Self.fold(term(key.precomposedStringWithCanonicalMapping.lowercased()))
    }
  }

  /// For a stemmer that reads accents: the terms of `text`'s words as if written without accents, so that a
  /// query typed without them ("garantia") still meets the page ("garantía"); `terms` for other stemmers.
  func unaccentedTerms(_ text: String) -> [String] {
    guard stemmer?.wantsAccents == true else { return terms(text) }
    return cachedTerms(text, cache: unaccentedCache) { key, isASCII in term(isASCII ? key : Self.fold(key)) }
  }

  /// The terms of `text`'s words, each computed once per build from its raw (or, for ASCII, lowercased) spelling.
  private func cachedTerms(_ text: String, cache: TermCache, compute: (String, Bool) -> String) -> [String] {
    var terms: [String] = []
    Self.scan(text) { bytes, isASCII in
      // An ASCII word folds to its lowercase bytes; any other word is keyed by its raw text, which has non-ASCII
      // bytes, so the two kinds of key never meet.
      if isASCII { Self.lowercaseASCII(&bytes) }
      let key = String(decoding: bytes, as: UTF8.self)
      if let known = cache.term(for: key) {
        terms.append(known)
        return
      }
      let computed = compute(key, isASCII)
      cache.store(computed, for: key)
      terms.append(computed)
    }
    return terms
  }

  /// The index term of one folded word; apostrophes go once the stemmer has used them.
  func term(_ word: String) -> String {
    let isPlain = stemmer?.wantsAccents == true || word.utf8.allSatisfy { Self.isASCIIWordByte($0) }
    let stemmed = isPlain ? (stemmer?.stem(word) ?? word) : word
    guard stemmed.utf8.contains(Self.apostrophe) else { return stemmed }
    return String(decoding: stemmed.utf8.filter { $0 != Self.apostrophe }, as: UTF8.self)
  }

  /// The folded words (apostrophes dropped) seen so far whose term does not start with all but the word's last
  /// letter, with their terms, sorted in JavaScript's string order. A word typed halfway ("mapp" of "mapping", whose
  /// term is "map") is found through these, since neither its stem nor any term starts with what was typed.
  func prefixWords() -> [(word: String, term: String)] {
    var found = Set<[String]>()
    // Only plain ASCII words are stemmed; any other word's term is the word itself.
    for (key, term) in cache.all() where key.utf8.allSatisfy({ $0 < 0x80 }) {
      let word = String(decoding: key.utf8.filter { $0 != Self.apostrophe }, as: UTF8.self)
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
        Self.lowercaseASCII(&bytes)
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
  private static func scan(_ text: String, _ body: (inout [UInt8], Bool) -> Void) {
    var current: [UInt8] = []
    current.reserveCapacity(32)
    var isASCII = true
    var pendingApostrophe = false
    func flush() {
      if !current.isEmpty { body(&current, isASCII) }
      current.removeAll(keepingCapacity: true)
      isASCII = true
      pendingApostrophe = false
    }
    func append(_ scalar: Unicode.Scalar) {
      if pendingApostrophe { current.append(apostrophe) }
      pendingApostrophe = false
      if scalar.isASCII {
        current.append(UInt8(truncatingIfNeeded: scalar.value))
      } else {
        isASCII = false
        current.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    let utf8 = text.utf8
    var index = utf8.startIndex
    let end = utf8.endIndex
    while index < end {
      let byte = utf8[index]
      if byte < 0x80 {
        utf8.formIndex(after: &index)
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
          if pendingApostrophe { current.append(apostrophe) }
          pendingApostrophe = false
          current.append(byte)
        } else if byte == apostrophe && !current.isEmpty && !pendingApostrophe {
          pendingApostrophe = true
        } else {
          flush()
        }
        continue
      }
      let scalar = text.unicodeScalars[index]
      text.unicodeScalars.formIndex(after: &index)
      switch kind(scalar) {
      case .wordStart: append(scalar)
      case .mark where !current.isEmpty && !pendingApostrophe: append(scalar)
      case .apostrophe where !current.isEmpty && !pendingApostrophe: pendingApostrophe = true
      default: flush()
      }
    }
    flush()
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

  private static func lowercaseASCII(_ bytes: inout [UInt8]) {
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

/// Terms already computed, by raw or folded word, shared by the documents of one build.
private final class TermCache: @unchecked Sendable {
  private let lock = NSLock()
  private var terms: [String: String] = [:]

  func term(for key: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return terms[key]
  }

  func all() -> [String: String] {
    lock.lock()
    defer { lock.unlock() }
    return terms
  }

  func store(_ term: String, for key: String) {
    lock.lock()
    defer { lock.unlock() }
    terms[key] = term
  }
}
