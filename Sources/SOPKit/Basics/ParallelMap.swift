import Dispatch

extension Array where Element: Sendable {
  /// Maps every element on all cores and returns the results in the original order.
  func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    if count < 2 { return map(transform) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    // Deinitialize before freeing: deallocating alone leaked every result (each page, each document's terms).
    defer {
      results.deinitialize()
      results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    self.withUnsafeBufferPointer { elements in
      nonisolated(unsafe) let input = elements
      DispatchQueue.concurrentPerform(iterations: count) { index in
        slots[index] = transform(input[index])
      }
    }
    return results.map { $0! }
  }
}
