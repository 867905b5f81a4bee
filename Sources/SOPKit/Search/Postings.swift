/// One term's documents, ascending, each with its score (BM25F × 1000, rounded) and first positions, packed into
/// one array: the document, the score, the number of positions, then the positions.
struct Postings: Sequence, Sendable {
  /// One document's entry.
  struct Posting {
    var document: Int
    var score: Int
    var positions: ArraySlice<Int32>
  }

  private var numbers: [Int32] = []

  mutating func append(_ posting: Posting) {
    numbers.append(Int32(posting.document))
    numbers.append(Int32(posting.score))
    numbers.append(Int32(posting.positions.count))
    numbers.append(contentsOf: posting.positions)
  }

  func makeIterator() -> Iterator { Iterator(numbers: numbers) }

  /// Reads the entries in order, without copying their positions.
  struct Iterator: IteratorProtocol {
    fileprivate let numbers: [Int32]
    private var index = 0

    fileprivate init(numbers: [Int32]) { self.numbers = numbers }

    mutating func next() -> Posting? {
      guard index < numbers.count else { return nil }
      let positionStart = index + 3
      let end = positionStart + Int(numbers[index + 2])
      defer { index = end }
      return Posting(
        document: Int(numbers[index]), score: Int(numbers[index + 1]), positions: numbers[positionStart..<end])
    }
  }
}
