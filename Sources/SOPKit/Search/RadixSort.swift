extension Array where Element == UInt64 {
  /// Sorts in ascending order a byte at a time from the lowest, skipping the bytes every element shares.
  ///
  /// A document's occurrences (term above position above field) differ in four or five of their eight bytes,
  /// so this takes a few linear passes where the standard library's comparison sort took a sixth of the time
  /// spent reading documents.
  mutating func radixSort() {
    guard count > 1 else { return }
    var all = UInt64.max
    var any: UInt64 = 0
    for value in self {
      all &= value
      any |= value
    }
    let varying = all ^ any
    let spare = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 256)
    defer {
      spare.deallocate()
      counts.deallocate()
    }
    withUnsafeMutableBufferPointer { values in
      var source = values
      var target = spare
      for shift in stride(from: UInt64(0), to: 64, by: 8) where (varying >> shift) & 0xFF != 0 {
        counts.initialize(repeating: 0)
        for value in source { counts[Int((value >> shift) & 0xFF)] += 1 }
        var start = 0
        for index in counts.indices {
          let size = counts[index]
          counts[index] = start
          start += size
        }
        for value in source {
          let digit = Int((value >> shift) & 0xFF)
          target[counts[digit]] = value
          counts[digit] += 1
        }
        swap(&source, &target)
      }
      if source.baseAddress != values.baseAddress {
        _ = values.update(fromContentsOf: source)
      }
    }
  }
}
