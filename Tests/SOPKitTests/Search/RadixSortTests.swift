import Testing

@testable import SOPKit

/// The sort of each document's occurrences must order exactly as the standard library does.
struct RadixSortTests {
  /// A small deterministic generator, so a failure can be replayed.
  private struct Mixer {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return mixed ^ (mixed >> 31)
    }
  }

  @Test(arguments: [0, 1, 2, 3, 255, 256, 257, 1500, 20000])
  func sortsAsTheStandardLibraryDoes(count: Int) {
    var mixer = Mixer(state: UInt64(count))
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
