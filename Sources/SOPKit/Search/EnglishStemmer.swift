/// The Snowball English (Porter2) stemmer, as in Snowball 3.1: the same algorithm as
/// `Public/js/search-stemmer-en.js`, so index and query agree; both are checked against one fixture.
struct EnglishStemmer: Stemmer {
  private static let exceptions: [String: String] = [
    "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
    "only": "onli", "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
    "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  private static let regionPrefixes = [
    "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
  ]
  .map { Array($0.utf8) }
  private static let step2: [([UInt8], [UInt8])] = [
    ("ational", "ate"), ("ization", "ize"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
    ("tional", "tion"), ("lessli", "less"), ("biliti", "ble"), ("fulli", "ful"), ("ousli", "ous"),
    ("entli", "ent"), ("aliti", "al"), ("iviti", "ive"), ("alism", "al"), ("ation", "ate"), ("ogist", "og"),
    ("anci", "ance"), ("enci", "ence"), ("abli", "able"), ("alli", "al"), ("izer", "ize"), ("ator", "ate"),
    ("bli", "ble"), ("ogi", "og"), ("li", ""),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  private static let step3: [([UInt8], [UInt8])] = [
    ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
    ("ical", "ic"), ("ness", ""), ("ful", ""),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  private static let step4 = [
    "ement", "ment", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "ism", "ous", "ant", "ent", "ion",
    "ic", "al", "er",
  ].map { Array($0.utf8) }
  private static let step1bSuffixes = ["eedly", "ingly", "edly", "eed", "ing", "ed"].map { Array($0.utf8) }
  private static let doubles = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { Array($0.utf8) }
  private static let keptBeforeIng = ["even", "cann", "inn", "earr", "herr", "out"].map { Array($0.utf8) }
  private static let keptBeforeEed = ["succ", "proc", "exc"].map { Array($0.utf8) }

  private static let upperY = UInt8(ascii: "Y")
  private static let lowerY = UInt8(ascii: "y")

  /// The stem of one lowercase word of ASCII letters, digits and apostrophes.
  func stem(_ word: String) -> String {
    if let exception = Self.exceptions[word] { return exception }
    var w = Array(word.utf8)
    if w.count < 3 { return word }
    if w[0] == UInt8(ascii: "'") { w.removeFirst() }
    if w.first == Self.lowerY { w[0] = Self.upperY }
    for i in w.indices.dropFirst() where w[i] == Self.lowerY && Self.isVowel(w[i - 1]) { w[i] = Self.upperY }
    let p1 = Self.regionPrefixes.first { w.starts(with: $0) }?.count ?? Self.region(after: 0, in: w)
    let p2 = p1 < w.count ? Self.region(after: p1, in: w) : w.count
    Self.step1a(&w)
    Self.step1b(&w, p1)
    Self.step1c(&w)
    Self.replace(&w, Self.step2, p1) { w, start, suffix in
      if suffix == Array("ogi".utf8) { return start > 0 && w[start - 1] == UInt8(ascii: "l") }
      if suffix == Array("li".utf8) { return start > 0 && Array("cdeghkmnrt".utf8).contains(w[start - 1]) }
      return true
    }
    Self.replace(&w, Self.step3, p1) { _, start, suffix in suffix != Array("ative".utf8) || start >= p2 }
    Self.replace(&w, Self.step4.map { ($0, []) }, p2) { w, start, suffix in
      suffix != Array("ion".utf8)
        || (start > 0 && (w[start - 1] == UInt8(ascii: "s") || w[start - 1] == UInt8(ascii: "t")))
    }
    Self.step5(&w, p1, p2)
    return String(decoding: w.map { $0 == Self.upperY ? Self.lowerY : $0 }, as: UTF8.self)
  }

  private static func isVowel(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
      || c == UInt8(ascii: "u") || c == lowerY
  }

  private static func isVowelWXY(_ c: UInt8) -> Bool {
    isVowel(c) || c == UInt8(ascii: "w") || c == UInt8(ascii: "x") || c == upperY
  }

  private static func hasVowel(_ w: [UInt8], before end: Int) -> Bool { w[..<max(0, end)].contains(where: isVowel) }

  /// The end of the first vowel-then-non-vowel pair at or after `start`, or the word's length.
  private static func region(after start: Int, in w: [UInt8]) -> Int {
    var i = start + 1
    while i < w.count {
      if !isVowel(w[i]) && isVowel(w[i - 1]) { return i + 1 }
      i += 1
    }
    return w.count
  }

  /// Whether the letters before `end` form a short syllable.
  private static func shortSyllable(_ w: [UInt8], _ end: Int) -> Bool {
    if end >= 3 && !isVowelWXY(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3]) { return true }
    if end == 2 && !isVowel(w[1]) && isVowel(w[0]) { return true }
    return end >= 4 && Array(w[(end - 4)..<end]) == Array("past".utf8)
  }

  private static func ends(_ w: [UInt8], _ suffix: String) -> Bool { hasSuffix(w, Array(suffix.utf8)) }

  private static func hasSuffix(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
    w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
  }

  private static func step1a(_ w: inout [UInt8]) {
    if ends(w, "'s'") {
      w.removeLast(3)
    } else if ends(w, "'s") {
      w.removeLast(2)
    } else if ends(w, "'") {
      w.removeLast()
    }
    if ends(w, "sses") {
      w.removeLast(2)
    } else if ends(w, "ied") || ends(w, "ies") {
      let long = w.count > 4
      w.removeLast(3)
      w += long ? Array("i".utf8) : Array("ie".utf8)
    } else if ends(w, "ss") || ends(w, "us") {
      return
    } else if ends(w, "s") && hasVowel(w, before: w.count - 2) {
      w.removeLast()
    }
  }

  private static func step1b(_ w: inout [UInt8], _ p1: Int) {
    guard let suffix = step1bSuffixes.first(where: { Self.hasSuffix(w, $0) }) else { return }
    var stem = Array(w.dropLast(suffix.count))
    if suffix == Array("eed".utf8) || suffix == Array("eedly".utf8) {
      if stem.count >= p1 && !keptBeforeEed.contains(stem) { w = stem + Array("ee".utf8) }
      return
    }
    if suffix == Array("ing".utf8) {
      if stem.count == 2 && stem[1] == lowerY && !isVowel(stem[0]) {
        w = [stem[0]] + Array("ie".utf8)
        return
      }
      if keptBeforeIng.contains(stem) { return }
    }
    guard hasVowel(stem, before: stem.count) else { return }
    if ends(stem, "at") || ends(stem, "bl") || ends(stem, "iz") {
      stem.append(UInt8(ascii: "e"))
    } else if doubles.contains(where: { Self.hasSuffix(stem, $0) }) {
      if !(stem.count == 3 && Array("aeo".utf8).contains(stem[0])) { stem.removeLast() }
    } else if stem.count == p1 && shortSyllable(stem, stem.count) {
      stem.append(UInt8(ascii: "e"))
    }
    w = stem
  }

  private static func step1c(_ w: inout [UInt8]) {
    guard let last = w.last, last == lowerY || last == upperY, w.count >= 3, !isVowel(w[w.count - 2]) else { return }
    w[w.count - 1] = UInt8(ascii: "i")
  }

  /// Replaces the longest suffix of `rules` that starts in the region at `regionStart`, when `allowed` agrees.
  private static func replace(
    _ w: inout [UInt8], _ rules: [([UInt8], [UInt8])], _ regionStart: Int,
    allowed: ([UInt8], Int, [UInt8]) -> Bool
  ) {
    guard let (suffix, replacement) = rules.first(where: { Self.hasSuffix(w, $0.0) }) else { return }
    let start = w.count - suffix.count
    guard start >= regionStart, allowed(w, start, suffix) else { return }
    w = Array(w[..<start]) + replacement
  }

  private static func step5(_ w: inout [UInt8], _ p1: Int, _ p2: Int) {
    let at = w.count - 1
    if w[at] == UInt8(ascii: "e") && (at >= p2 || (at >= p1 && !shortSyllable(w, at))) {
      w.removeLast()
    } else if w[at] == UInt8(ascii: "l") && at >= p2 && w[at - 1] == UInt8(ascii: "l") {
      w.removeLast()
    }
  }
}
