/// Suggests the closest known word for a misspelt id or key ("did you mean 'line-staff'?").
public enum DidYouMean {
  /// The candidate nearest to `word`, if it is close enough to be a likely typo: by edit distance over the whole
  /// word, else word by word (`supervison` for `supervision-and-coaching`, `safty-plan` for `safety-planning`).
  public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
      // Ties go to the first in alphabetical order, so the hint is the same whatever order `candidates` come in.
      if distance < (best?.distance ?? Int.max) || (distance == best?.distance && candidate < best!.candidate) {
        best = (candidate, distance)
      }
    }
    guard let best else { return nil }
    let allowed = max(2, best.candidate.count / 3)
    return best.distance <= allowed ? best.candidate : wordMatch(for: lowered, among: candidates)
  }

  /// " (did you mean 'x'?)" or "", ready to append to a message.
  static func hint(for word: String, among candidates: some Sequence<String>) -> String {
    suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  /// The message for an id that names nothing: a suggestion when one is near, else every id there is.
  static func unknownID(_ id: String, kind: String, among known: [String], listedIn file: String) -> String {
    if let near = suggestion(for: id, among: known) {
      return "unknown \(kind) '\(id)' (did you mean '\(near)'?); the \(kind)s are listed in \(file)"
    }
    return "unknown \(kind) '\(id)'; the \(kind)s in \(file) are: \(known.joined(separator: ", "))"
  }

  /// The candidate every word of `word` is near a word of, missing the fewest of its words.
  private static func wordMatch(for word: String, among candidates: some Sequence<String>) -> String? {
    let given = words(of: word)
    guard !given.isEmpty else { return nil }
    var best: (candidate: String, score: Int)?
    for candidate in candidates {
      let own = words(of: candidate.lowercased())
      var score = 0
      var matchedAll = true
      for part in given {
        guard let distance = own.compactMap({ wordDistance(part, $0) }).min() else {
          matchedAll = false
          break
        }
        score += distance
      }
      guard matchedAll else { continue }
      score += own.count - given.count
      if score < (best?.score ?? Int.max) { best = (candidate, score) }
    }
    return best?.candidate
  }

  /// How far a typed word is from a word of an id, or nil when too far: a typo of the whole word, or of its start
  /// (`plan` for `planning`). Words under four letters must match exactly or as a start.
  private static func wordDistance(_ typed: [Character], _ known: [Character]) -> Int? {
    if known.starts(with: typed) && typed.count >= 3 { return known.count - typed.count }
    guard typed.count >= 4 else { return typed == known ? 0 : nil }
    let allowed = max(1, known.count / 4)
    let whole = editDistance(typed, known)
    if whole <= allowed { return whole }
    let start = editDistance(typed, Array(known.prefix(typed.count)))
    return start <= 1 ? start + known.count - typed.count : nil
  }

  private static func words(of id: String) -> [[Character]] {
    id.split { !$0.isLetter && !$0.isNumber }.map(Array.init)
  }

  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
