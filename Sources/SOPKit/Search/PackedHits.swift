/// Hits packed into one byte array, each under a key, as LEB128 numbers: the key's distance from the key before (keys
/// ascend), a byte with a bit for each field that has hits, the count of each of those fields, the number of
/// positions, then each position's distance from the one before (positions ascend). Every term of every document
/// passes through here; as 32-bit numbers with a count for every field they were most of the search stage's memory.
struct PackedHits: Sendable {
  /// One key's hits.
  struct Hits {
    /// The number of hits in each field, by `SearchDocument.Field` raw value.
    let counts: SIMD8<Int32>
    /// The positions, ascending.
    let positions: Positions
    /// The packed bytes after the key, as `append(_:_:)` copies them.
    fileprivate let packed: ArraySlice<UInt8>
  }

  /// One key's positions, read from the packed bytes as they are iterated.
  struct Positions: Sequence {
    let count: Int
    fileprivate let bytes: ArraySlice<UInt8>

    func makeIterator() -> Iterator { Iterator(bytes: bytes, remaining: count) }

    /// Adds each distance to the position before.
    struct Iterator: IteratorProtocol {
      fileprivate let bytes: ArraySlice<UInt8>
      fileprivate var remaining: Int
      private var index: Int
      private var position: Int32 = 0

      fileprivate init(bytes: ArraySlice<UInt8>, remaining: Int) {
        self.bytes = bytes
        self.remaining = remaining
        index = bytes.startIndex
      }

      mutating func next() -> Int32? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        position += Int32(PackedHits.read(bytes, at: &index))
        return position
      }
    }
  }

  private var bytes: [UInt8] = []
  private var lastKey = 0
  /// How many keys have hits.
  private(set) var count = 0

  /// Adds the hits under `key`, which is not below the key before; `counts` has one count per field.
  mutating func append(_ key: Int, counts: [Int32], positions: [Int32]) {
    precondition(counts.count <= 8, "a byte holds the bit of each field")
    appendKey(key)
    var fields: UInt8 = 0
    for (field, count) in counts.enumerated() where count > 0 { fields |= 1 << field }
    bytes.append(fields)
    for count in counts where count > 0 { write(UInt32(count)) }
    write(UInt32(positions.count))
    var previous: Int32 = 0
    for position in positions {
      write(UInt32(position - previous))
      previous = position
    }
  }

  /// Adds `hits`, read from other packed hits, under `key`, which is not below the key before.
  mutating func append(_ key: Int, _ hits: Hits) {
    appendKey(key)
    bytes.append(contentsOf: hits.packed)
  }

  /// Calls `body` with each key and its hits, in the order they were added.
  func forEach(_ body: (Int, Hits) -> Void) {
    let bytes = self.bytes[...]
    var index = 0
    var key = 0
    while index < bytes.endIndex {
      key += Int(Self.read(bytes, at: &index))
      let start = index
      let fields = bytes[index]
      index += 1
      var counts = SIMD8<Int32>()
      for field in 0..<counts.scalarCount where fields & 1 << field != 0 {
        counts[field] = Int32(Self.read(bytes, at: &index))
      }
      let positionCount = Int(Self.read(bytes, at: &index))
      let positionStart = index
      for _ in 0..<positionCount { _ = Self.read(bytes, at: &index) }
      body(
        key,
        Hits(
          counts: counts, positions: Positions(count: positionCount, bytes: bytes[positionStart..<index]),
          packed: bytes[start..<index]))
    }
  }

  private mutating func appendKey(_ key: Int) {
    precondition(key >= lastKey, "keys of packed hits ascend")
    write(UInt32(key - lastKey))
    lastKey = key
    count += 1
  }

  private mutating func write(_ number: UInt32) {
    var number = number
    while number >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: number) | 0x80)
      number >>= 7
    }
    bytes.append(UInt8(number))
  }

  fileprivate static func read(_ bytes: ArraySlice<UInt8>, at index: inout Int) -> UInt32 {
    var number: UInt32 = 0
    var shift: UInt32 = 0
    while true {
      let byte = bytes[index]
      index += 1
      number |= UInt32(byte & 0x7F) << shift
      if byte < 0x80 { return number }
      shift += 7
    }
  }
}
