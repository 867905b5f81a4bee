import Testing

@testable import SOPKit

@Suite struct SHA256Tests {
  /// FIPS 180-4 example messages (one block, two blocks, the empty message) and a million `a`s fed in uneven pieces.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func matchesTheStandardsExamples(message: String, digest: String) {
    var hash = SHA256()
    hash.update(Array(message.utf8))
    #expect(hash.hexDigest() == digest)
  }

  @Test func piecesOfAnySizeGiveTheSameDigest() {
    var hash = SHA256()
    var remaining = 1_000_000
    var piece = 1
    while remaining > 0 {
      let count = min(piece, remaining)
      hash.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
      remaining -= count
      piece = piece * 3 % 997 + 1
    }
    #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
