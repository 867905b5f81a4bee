/// Hits packed into one array, each under a key: the key (a document, or a term within one document), one count
/// per field, the number of positions, then the positions. Two small arrays per term and document cost many times
/// more memory than the numbers they held.
struct PackedHits: Sendable {
  /// One key's hits: the counts per field, the number of positions, the positions.
  struct Hits {
    fileprivate let numbers: ArraySlice<Int32>

    func count(in field: Int) -> Int { Int(numbers[numbers.startIndex + field]) }

    var positions: ArraySlice<Int32> { numbers[(numbers.startIndex + PackedHits.fieldCount + 1)...] }
  }

  private static let fieldCount = SearchDocument.Field.allCases.count

  private var numbers: [Int32] = []
  /// How many keys have hits.
  private(set) var count = 0

  /// Adds the hits under `key`.
  mutating func append(_ key: Int, counts: [Int32], positions: [Int32]) {
    numbers.append(Int32(key))
    numbers.append(contentsOf: counts)
    numbers.append(Int32(positions.count))
    numbers.append(contentsOf: positions)
    count += 1
  }

  /// Adds `hits`, read from other packed hits, under `key`.
  mutating func append(_ key: Int, _ hits: Hits) {
    numbers.append(Int32(key))
    numbers.append(contentsOf: hits.numbers)
    count += 1
  }

  /// Calls `body` with each key and its hits, in the order they were added.
  func forEach(_ body: (Int, Hits) -> Void) {
    var index = 0
    while index < numbers.count {
      let end = index + Self.fieldCount + 2 + Int(numbers[index + Self.fieldCount + 1])
      body(Int(numbers[index]), Hits(numbers: numbers[(index + 1)..<end]))
      index = end
    }
  }
}
