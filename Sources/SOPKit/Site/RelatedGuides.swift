/// Finds, for each guide, the guides that share the most topics with it.
///
/// Guides with the same set of topics have the same candidates, so the ranking is worked out once per
/// distinct set: linear in the number of guides rather than quadratic.
enum RelatedGuides {
  static let limit = 5

  /// Fills `related` (positions in `guides`) on guides already sorted A to Z, so ties keep that order.
  static func fill(_ guides: inout [Guide]) {
    var groupOf: [[String]: Int] = [:]
    var groups: [(topics: Set<String>, members: [Int])] = []
    for (index, guide) in guides.enumerated() where !guide.topics.isEmpty {
      let key = guide.topics.map(\.id).sorted()
      if let group = groupOf[key] {
        groups[group].members.append(index)
      } else {
        groupOf[key] = groups.count
        groups.append((Set(key), [index]))
      }
    }
    for group in groups {
      // One more than the limit, since the guide itself is among its group's candidates.
      var best: [(shared: Int, index: Int)] = []
      for other in groups {
        let shared = group.topics.intersection(other.topics).count
        guard shared > 0 else { continue }
        for index in other.members.prefix(limit + 1) { best.append((shared, index)) }
      }
      best.sort { ($1.shared, $0.index) < ($0.shared, $1.index) }
      for member in group.members {
        guides[member].related = best.lazy.map(\.index).filter { $0 != member }.prefix(limit).map { $0 }
      }
    }
  }
}
