import Testing

@testable import SOPKit

/// The sort of each document's occurrences must order exactly as the standard library does.
struct RadixSortTests {
  @Test(arguments: [0, 1, 2, 3, 255, 256, 257, 1500, 20000])
  func sortsAsTheStandardLibraryDoes(count: Int) {
    var mixer = SplitMix64(seed: UInt64(count))
    let shapes: [[UInt64]] = [
      (0..<count).map { _ in mixer.next() },
      // Occurrence-like: a term number above a position and field, with repeats.
      (0..<count).map { _ in (mixer.next() % 3000) << 32 | (mixer.next() % 20000) << 3 | (mixer.next() % 5) },
      (0..<count).map { _ in mixer.next() % 4 },
      Array(repeating: 42, count: count),
      (0..<count).map { UInt64(count - $0) << 40 },
    ]
    for shape in shapes {
      var sorted = shape
      sorted.radixSort()
      #expect(sorted == shape.sorted())
    }
  }
}
