/// Suggests the closest known word for a misspelt id or key ("did you mean 'line-staff'?").
enum DidYouMean {
  /// The candidate nearest to `word`, if it is close enough to be a likely typo.
  static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
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
    return best.distance <= allowed ? best.candidate : nil
  }

  /// " (did you mean 'x'?)" or "", ready to append to a message.
  static func hint(for word: String, among candidates: some Sequence<String>) -> String {
    suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
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
