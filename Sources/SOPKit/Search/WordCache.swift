import Foundation

/// The terms of the words already read, by the word's bytes (lowercased when ASCII, raw otherwise), shared by the
/// documents of one build.
///
/// Every occurrence of a word is looked up (some ten million at 10,000 guides), so the table is keyed by the bytes
/// themselves with a cheap hash: a `String` key made a String and hashed it with SipHash for each occurrence, more
/// than half of the time spent reading documents.
final class WordCache: @unchecked Sendable {
  private let lock = NSLock()
  // One stored property, so each call pays for one exclusivity check rather than one per array it reads.
  private var table = Table()

  func terms(for word: UnsafeBufferPointer<UInt8>) -> Tokenizer.WordTerms? {
    let hash = Table.hash(word)
    lock.lock()
    defer { lock.unlock() }
    return table.terms(for: word, hash: hash)
  }

  func store(_ terms: Tokenizer.WordTerms, for word: UnsafeBufferPointer<UInt8>) {
    let hash = Table.hash(word)
    lock.lock()
    defer { lock.unlock() }
    table.store(terms, for: word, hash: hash)
  }

  /// Every word read so far, with its terms.
  func all() -> [String: Tokenizer.WordTerms] {
    lock.lock()
    defer { lock.unlock() }
    return table.all()
  }

  /// Words by their bytes in open addressing.
  private struct Table {
    struct Entry {
      var start: Int
      var count: Int
      var hash: UInt64
      var terms: Tokenizer.WordTerms
    }

    /// The words' bytes, one after another.
    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// Each slot holds an index into `entries` plus one, or 0 when empty. The count is a power of two, kept at
    /// least twice the number of entries.
    var slots = [Int32](repeating: 0, count: 1024)

    func terms(for word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Tokenizer.WordTerms? {
      find(word, hash: hash).entry.map { entries[$0].terms }
    }

    mutating func store(_ terms: Tokenizer.WordTerms, for word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
      let (slot, existing) = find(word, hash: hash)
      if let existing {
        entries[existing].terms = terms
        return
      }
      entries.append(Entry(start: bytes.count, count: word.count, hash: hash, terms: terms))
      bytes.append(contentsOf: word)
      slots[slot] = Int32(entries.count)
      if entries.count * 2 > slots.count { grow() }
    }

    func all() -> [String: Tokenizer.WordTerms] {
      var all: [String: Tokenizer.WordTerms] = [:]
      for entry in entries {
        all[String(decoding: bytes[entry.start..<entry.start + entry.count], as: UTF8.self)] = entry.terms
      }
      return all
    }

    /// The slot that holds `word` and its entry, or the empty slot where it would go.
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      return bytes.withUnsafeBufferPointer { stored in
        while true {
          let number = Int(slots[slot])
          if number == 0 { return (slot, nil) }
          let entry = entries[number - 1]
          if entry.hash == hash && entry.count == word.count
            && (word.isEmpty || memcmp(stored.baseAddress! + entry.start, word.baseAddress!, word.count) == 0)
          {
            return (slot, number - 1)
          }
          slot = (slot + 1) & mask
        }
      }
    }

    private mutating func grow() {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      let mask = slots.count - 1
      for (index, entry) in entries.enumerated() {
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
      }
    }

    /// FNV-1a, with the high bits folded into the low ones that pick the slot.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash ^ (hash >> 29)
    }
  }
}
