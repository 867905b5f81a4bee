/// One term's hits in every document, in document order, packed into one array: the document, one count per
/// field, the number of positions, then the positions. Two small arrays per term and document cost many times
/// more memory than the numbers they held.
struct PackedHits {
  private var numbers: [Int32] = []
  private(set) var documentCount = 0

  /// Adds the term's hits in `document`, which comes after every document added before.
  mutating func append(_ document: Int, _ hits: DocumentTerms.Hits) {
    numbers.append(Int32(document))
    for count in hits.counts { numbers.append(Int32(count)) }
    numbers.append(Int32(hits.positions.count))
    for position in hits.positions { numbers.append(Int32(position)) }
    documentCount += 1
  }

  /// The hits, document by document, as `transform(document, counts per field, positions)`.
  func map<Result>(_ transform: (Int, [Int], [Int]) -> Result) -> [Result] {
    let fieldCount = SearchDocument.Field.allCases.count
    var results: [Result] = []
    results.reserveCapacity(documentCount)
    var index = 0
    while index < numbers.count {
      let document = Int(numbers[index])
      let counts = numbers[(index + 1)..<(index + 1 + fieldCount)].map(Int.init)
      let positionCount = Int(numbers[index + 1 + fieldCount])
      let positionStart = index + 2 + fieldCount
      let positions = numbers[positionStart..<(positionStart + positionCount)].map(Int.init)
      results.append(transform(document, counts, positions))
      index = positionStart + positionCount
    }
    return results
  }
}
