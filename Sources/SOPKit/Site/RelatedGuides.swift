/// Finds, for each guide, the guides that share the most topics with it.
enum RelatedGuides {
  static let limit = 5

  /// Fills `related` on guides already sorted A to Z, so ties keep that order.
  static func fill(_ guides: inout [Guide]) {
    var byTopic: [String: [Int]] = [:]
    for (index, guide) in guides.enumerated() {
      for topic in guide.topics { byTopic[topic.id, default: []].append(index) }
    }
    for index in guides.indices {
      var shared: [Int: Int] = [:]
      for topic in guides[index].topics {
        for other in byTopic[topic.id] ?? [] where other != index { shared[other, default: 0] += 1 }
      }
      let best = shared.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit)
      guides[index].related = best.map { guides[$0.key].slug }
    }
  }
}
