import Foundation

/// Numbers the index terms of one build in the order they are first met, so documents count hits by number.
final class TermTable: @unchecked Sendable {
  private let lock = NSLock()
  private var numbers: [String: Int32] = [:]
  private var terms: [String] = []

  /// The number of `term`, given it now if it has none yet.
  func number(of term: String) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    if let known = numbers[term] { return known }
    let number = Int32(terms.count)
    numbers[term] = number
    terms.append(term)
    return number
  }

  /// Every term, by number.
  func all() -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return terms
  }
}
