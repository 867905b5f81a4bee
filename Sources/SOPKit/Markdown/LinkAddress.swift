import Foundation

/// What the Load stage can tell of a link's address without knowing the site's pages: an outside address kept as
/// written, an address refused whatever the site holds, or a path inside the site for Assemble to resolve.
enum LinkAddress: Equatable, Sendable {
  /// An outside address (`https:`, `mailto:`, `tel:`, `//host`), written as it is.
  case external
  /// No address, or one that could run script: dropped, with this warning.
  case refused(String)
  /// A path or fragment within the site.
  case local

  static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

  init(_ raw: String) {
    let url = Self.trimmed(raw)
    if url.isEmpty {
      self = .refused("the link has no address")
    } else if let scheme = Self.scheme(of: url) {
      self =
        Self.allowedSchemes.contains(scheme.lowercased())
        ? .external
        : .refused(
          "the link '\(url.count > 40 ? String(url.prefix(40)) + "…" : url)' was removed: only http, https, mailto and tel addresses are allowed"
        )
    } else if url.hasPrefix("//") {
      self = .external
    } else {
      self = .local
    }
  }

  /// The address without the white space around it.
  static func trimmed(_ raw: String) -> String {
    // Foundation's trimming costs more than the rest of resolving; most links need none.
    raw.first?.isWhitespace == true || raw.last?.isWhitespace == true
      ? raw.trimmingCharacters(in: .whitespaces) : raw
  }

  // Reads UTF-8 bytes: the delimiters are ASCII, and walking Characters was most of the cost of a link.

  /// `https` for `https://x`; nil for relative paths (a `:` after a `/`, `?` or `#` is no scheme).
  static func scheme(of url: String) -> String? {
    let utf8 = url.utf8
    guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let scheme = utf8[..<colon]
    guard let first = scheme.first, isASCIILetter(first),
      scheme.allSatisfy({ isASCIILetter($0) || (0x30...0x39).contains($0) || "+.-".utf8.contains($0) })
    else { return nil }
    return String(Substring(scheme))
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
