import Testing

@testable import SOPKit

/// Hits read back exactly as they were added, whatever the size of their numbers.
struct PackedHitsTests {
  /// What `forEach` gives for one key, as plain values.
  struct Entry: Equatable {
    var key: Int
    var counts: [Int32]
    var positions: [Int32]
  }

  let fieldCount = SearchDocument.Field.allCases.count

  func entries(_ packed: PackedHits) -> [Entry] {
    var entries: [Entry] = []
    packed.forEach { key, hits in
      entries.append(
        Entry(key: key, counts: (0..<fieldCount).map { hits.counts[$0] }, positions: Array(hits.positions)))
    }
    return entries
  }

  @Test func numbersOfEverySizeComeBackAsTheyWent() {
    let added = [
      Entry(key: 0, counts: [1, 0, 0, 0, 0, 0, 2], positions: [0]),
      Entry(key: 0, counts: [0, 0, 0, 0, 0, 0, 0], positions: []),
      Entry(key: 127, counts: [0, 200, 0, 0, 3, 0, 2], positions: [5, 127, 128, 16_383, 16_384]),
      Entry(key: 128, counts: [0, 0, 70_000, 0, 0, 0, 2], positions: [2_000_000, 2_000_001]),
      Entry(key: 3_000_000, counts: [1, 1, 1, 1, 1, 0, 2], positions: [Int32.max - 1, Int32.max]),
    ]
    var packed = PackedHits()
    for entry in added { packed.append(entry.key, counts: entry.counts, positions: entry.positions) }
    #expect(packed.count == added.count)
    #expect(entries(packed) == added)
  }

  @Test func hitsCopiedUnderOtherKeysKeepTheirCountsAndPositions() {
    var byTerm = PackedHits()
    byTerm.append(4, counts: [0, 2, 0, 0, 1, 0, 2], positions: [3, 900])
    byTerm.append(9, counts: [0, 0, 0, 0, 300, 0, 2], positions: Array(0..<48).map { $0 * 1_000 })
    var byDocument = PackedHits()
    var keys = [70_000, 70_001]
    byTerm.forEach { _, hits in byDocument.append(keys.removeFirst(), hits) }
    #expect(entries(byDocument).map(\.key) == [70_000, 70_001])
    #expect(entries(byDocument).map(\.counts) == entries(byTerm).map(\.counts))
    #expect(entries(byDocument).map(\.positions) == entries(byTerm).map(\.positions))
  }

  @Test func nothingAddedReadsAsNothing() {
    #expect(entries(PackedHits()).isEmpty)
    #expect(PackedHits().count == 0)
  }
}
