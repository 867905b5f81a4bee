/// The Snowball Spanish stemmer, as in Snowball 3.1.1: the same algorithm as `Public/js/search-stemmer-es.js`,
/// so index and query agree; both are checked against one fixture of real Spanish text.
///
/// Words keep their accents on the way in (the algorithm needs them) and lose them in its last step.
struct SpanishStemmer: Stemmer {
  /// The stemmer takes lowercase words with their accents, not folded ones.
  var wantsAccents: Bool { true }

  private typealias Word = [Unicode.Scalar]

  private static func scalars(_ text: String) -> Word { Array(text.unicodeScalars) }

  private static let vowels = Set("aeiouáéíóúü".unicodeScalars)
  private static let pronouns = [
    "me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos",
  ]
  .map(scalars)
  /// Endings before an attached pronoun, with what replaces them and the pronoun (nil: delete the pronoun only).
  private static let beforePronoun: [(Word, Word?)] = [
    ("iéndo", "iendo"), ("ándo", "ando"), ("ár", "ar"), ("ér", "er"), ("ír", "ir"), ("ando", nil), ("iendo", nil),
    ("ar", nil), ("er", nil), ("ir", nil), ("yendo", nil),
  ].map { (scalars($0.0), $0.1.map(scalars)) }

  private enum StandardAction {
    case delete, deleteThenIC, log, u, ente, amente, mente, idad, iv
  }
  private static let standard: [(Word, StandardAction)] = {
    var table: [(String, StandardAction)] = []
    for suffix in [
      "anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles", "ista",
      "istas", "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos",
    ] { table.append((suffix, .delete)) }
    for suffix in [
      "adora", "ador", "ación", "acion", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias",
    ] { table.append((suffix, .deleteThenIC)) }
    table += [("logía", .log), ("logías", .log), ("ución", .u), ("ucion", .u), ("uciones", .u)]
    table += [("encia", .ente), ("encias", .ente), ("amente", .amente), ("mente", .mente)]
    table += [("idad", .idad), ("idades", .idad), ("iva", .iv), ("ivo", .iv), ("ivas", .iv), ("ivos", .iv)]
    return table.map { (scalars($0.0), $0.1) }
  }()
  private static let afterAmente = ["iv", "os", "ic", "ad"].map(scalars)
  private static let afterMente = ["ante", "able", "ible"].map(scalars)
  private static let afterIdad = ["abil", "ic", "iv"].map(scalars)
  private static let yVerb = ["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos"]
    .map(scalars)
  /// Verb endings; `true` marks those after which a `gu` loses its `u` too.
  private static let verb: [(Word, Bool)] = {
    let keepU = ["en", "es", "éis", "emos"]
    let others = [
      "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré", "erían",
      "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré", "irían", "irías",
      "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré", "aba", "ada", "ida", "ía", "ara",
      "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían", "aran", "ieran", "asen",
      "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as", "abas", "adas", "idas",
      "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais", "aseis", "ieseis",
      "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos", "áramos", "iéramos", "iésemos",
      "ásemos",
    ]
    return keepU.map { (scalars($0), true) } + others.map { (scalars($0), false) }
  }()
  private static let residualPlain = ["os", "a", "o", "á", "í", "ó"].map(scalars)
  private static let residualE = ["e", "é"].map(scalars)
  private static let unaccented: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]

  /// The stem of one lowercase word.
  func stem(_ word: String) -> String {
    var w = Self.scalars(word)
    let (pV, p1, p2) = Self.regions(w)
    Self.attachedPronoun(&w, pV)
    if !Self.standardSuffix(&w, p1, p2) && !Self.yVerbSuffix(&w, pV) { Self.verbSuffix(&w, pV) }
    Self.residualSuffix(&w, pV)
    var out = String.UnicodeScalarView()
    out.append(contentsOf: w.map { Self.unaccented[$0] ?? $0 })
    return String(out)
  }

  private static func isVowel(_ scalar: Unicode.Scalar) -> Bool { vowels.contains(scalar) }

  /// RV, R1 and R2 as start positions (the word's length when a region is empty).
  private static func regions(_ w: Word) -> (Int, Int, Int) {
    let n = w.count
    func afterNext(_ vowel: Bool, from start: Int) -> Int? {
      var i = start
      while i < n {
        if isVowel(w[i]) == vowel { return i + 1 }
        i += 1
      }
      return nil
    }
    var pV = n
    if n >= 2 {
      if isVowel(w[0]) {
        pV = (isVowel(w[1]) ? afterNext(false, from: 2) : afterNext(true, from: 2)) ?? n
      } else if !isVowel(w[1]) {
        pV = afterNext(true, from: 2) ?? n
      } else if n > 2 {
        pV = 3
      }
    }
    var p1 = n
    var p2 = n
    if let vowel = afterNext(true, from: 0), let r1 = afterNext(false, from: vowel) {
      p1 = r1
      if let vowel2 = afterNext(true, from: r1), let r2 = afterNext(false, from: vowel2) { p2 = r2 }
    }
    return (pV, p1, p2)
  }

  /// The longest of `suffixes` that ends at `end` and starts at or after `limit`, as its start.
  private static func longest(_ suffixes: [Word], in w: Word, end: Int, limit: Int = 0) -> (Int, Int)? {
    var best: (index: Int, start: Int)?
    for (index, suffix) in suffixes.enumerated() {
      let start = end - suffix.count
      guard start >= limit, best.map({ start < $0.start }) ?? true, w[start..<end].elementsEqual(suffix) else {
        continue
      }
      best = (index, start)
    }
    return best.map { ($0.index, $0.start) }
  }

  private static func attachedPronoun(_ w: inout Word, _ pV: Int) {
    guard let (_, pronounStart) = longest(pronouns, in: w, end: w.count) else { return }
    guard let (index, start) = longest(beforePronoun.map(\.0), in: w, end: pronounStart), pV <= start else { return }
    let (ending, replacement) = beforePronoun[index]
    if let replacement {
      w.replaceSubrange(start..<w.count, with: replacement)
    } else if ending == scalars("yendo") {
      guard start > 0, w[start - 1] == "u" else { return }
      w.removeSubrange(pronounStart...)
    } else {
      w.removeSubrange(pronounStart...)
    }
  }

  /// Deletes the ending `suffixes` names before the end when it lies in R2; true when one was deleted.
  @discardableResult
  private static func deleteInR2(_ suffixes: [Word], _ w: inout Word, _ p2: Int) -> Int? {
    guard let (index, start) = longest(suffixes, in: w, end: w.count), p2 <= start else { return nil }
    w.removeSubrange(start...)
    return index
  }

  private static func standardSuffix(_ w: inout Word, _ p1: Int, _ p2: Int) -> Bool {
    guard let (index, start) = longest(standard.map(\.0), in: w, end: w.count) else { return false }
    let action = standard[index].1
    if action == .amente {
      guard p1 <= start else { return false }
      w.removeSubrange(start...)
      if let found = deleteInR2(afterAmente, &w, p2), found == 0 { deleteInR2([scalars("at")], &w, p2) }
      return true
    }
    guard p2 <= start else { return false }
    switch action {
    case .log: w.replaceSubrange(start..., with: scalars("log"))
    case .u: w.replaceSubrange(start..., with: scalars("u"))
    case .ente: w.replaceSubrange(start..., with: scalars("ente"))
    default: w.removeSubrange(start...)
    }
    switch action {
    case .deleteThenIC: deleteInR2([scalars("ic")], &w, p2)
    case .mente: deleteInR2(afterMente, &w, p2)
    case .idad: deleteInR2(afterIdad, &w, p2)
    case .iv: deleteInR2([scalars("at")], &w, p2)
    default: break
    }
    return true
  }

  private static func yVerbSuffix(_ w: inout Word, _ pV: Int) -> Bool {
    guard w.count >= pV, let (_, start) = longest(yVerb, in: w, end: w.count, limit: pV) else { return false }
    guard start > 0, w[start - 1] == "u" else { return false }
    w.removeSubrange(start...)
    return true
  }

  private static func verbSuffix(_ w: inout Word, _ pV: Int) {
    guard w.count >= pV, let (index, start) = longest(verb.map(\.0), in: w, end: w.count, limit: pV) else { return }
    let dropsU = verb[index].1 && start >= 2 && w[start - 1] == "u" && w[start - 2] == "g"
    w.removeSubrange((dropsU ? start - 1 : start)...)
  }

  private static func residualSuffix(_ w: inout Word, _ pV: Int) {
    if let (index, start) = longest(residualPlain + residualE, in: w, end: w.count) {
      guard pV <= start else { return }
      let isE = index >= residualPlain.count
      w.removeSubrange(start...)
      if isE, start >= 2, w[start - 1] == "u", w[start - 2] == "g", pV <= start - 1 { w.removeSubrange((start - 1)...) }
    }
  }
}
