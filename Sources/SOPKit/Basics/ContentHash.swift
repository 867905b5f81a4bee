/// A fast 64-bit hash of bytes, for telling whether a file changed; not for security.
///
/// Eight bytes at a time, each word mixed in with a multiply and a shift, then a final avalanche, so a change
/// anywhere in a file changes the whole value.
struct ContentHash: Sendable, Equatable {
  private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

  mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    var state = value ^ (UInt64(bytes.count) &* 0xFF51_AFD7_ED55_8CCD)
    var offset = 0
    while offset + 8 <= bytes.count {
      state = Self.mix(state, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      tail |= UInt64(bytes[offset]) << shift
      shift += 8
      offset += 1
    }
    value = Self.mix(state, tail)
  }

  mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
  }

  mutating func combine(_ number: Int) {
    value = Self.mix(value, UInt64(bitPattern: Int64(number)))
  }

  /// The value as 16 hexadecimal digits, after a final mix.
  var hex: String {
    var mixed = value
    mixed ^= mixed >> 33
    mixed &*= 0xC4CE_B9FE_1A85_EC53
    mixed ^= mixed >> 33
    let digits = String(mixed, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
    var mixed = (state ^ word) &* 0x8764_8CF8_3A3C_3B1B
    mixed ^= mixed >> 29
    return mixed
  }
}
