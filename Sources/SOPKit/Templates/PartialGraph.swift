/// Which templates include which, checked before anything is rendered: a template that includes itself, directly or
/// through others, would render until the stack overflows, and so would sections nested too deeply across partials.
struct PartialGraph {
  /// A problem with a partial, at the tag in `template` that includes it.
  struct Problem {
    var message: String
    var template: String
    var use: TemplateTags.PartialUse
  }

  /// The partials each template includes, and the deepest its own sections nest.
  let uses: [String: [TemplateTags.PartialUse]]
  let depths: [String: Int]

  /// Every cycle once, at the tag where its alphabetically first template includes the next; then, when there is no
  /// cycle, each tag where sections nest more than `TemplateTags.maximumDepth` deep counting the partials'.
  func problems() -> [Problem] {
    var problems: [Problem] = []
    var reported: Set<[String]> = []
    var state: [String: Bool] = [:]  // false while on the path, true when done
    var path: [(template: String, use: TemplateTags.PartialUse?)] = []

    func visit(_ template: String) {
      state[template] = false
      for use in uses[template] ?? [] where uses[use.name] != nil {
        path.append((template, use))
        if state[use.name] == false {
          let start = path.firstIndex { $0.template == use.name } ?? 0
          let cycle = path[start...].map(\.template)
          let first = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
          let rotated = Array(cycle[first...] + cycle[..<first])
          if reported.insert(rotated).inserted, let firstUse = path[start + first].use {
            let chain = (rotated + [rotated[0]]).joined(separator: " → ")
            let message =
              rotated.count == 1
              ? "the partial '\(rotated[0])' includes itself (\(chain))"
              : "the partial '\(rotated[0])' includes itself through other partials (\(chain))"
            problems.append(Problem(message: message, template: rotated[0], use: firstUse))
          }
        } else if state[use.name] == nil {
          visit(use.name)
        }
        path.removeLast()
      }
      state[template] = true
    }
    for template in uses.keys.sorted() where state[template] == nil { visit(template) }
    guard problems.isEmpty else { return problems }

    var deepest: [String: Int] = [:]
    func depth(_ template: String) -> Int {
      if let known = deepest[template] { return known }
      var result = depths[template] ?? 0
      for use in uses[template] ?? [] where uses[use.name] != nil {
        let through = use.depth + depth(use.name)
        if through > TemplateTags.maximumDepth && result <= TemplateTags.maximumDepth {
          problems.append(
            Problem(
              message:
                "sections are nested more than \(TemplateTags.maximumDepth) deep counting those of the partial '\(use.name)'; close some before including it",
              template: template, use: use))
        }
        result = max(result, through)
      }
      deepest[template] = result
      return result
    }
    for template in uses.keys.sorted() { _ = depth(template) }
    return problems
  }
}
