import Foundation

/// Relative hrefs between output files, so the site works at a server root, under a sub-path and from disk.
enum RelativeLink {
  /// The href that leads from the page at `from` to the file at `to` (both site-relative paths).
  static func href(from: String, to: String) -> String {
    var (from, to) = (from, to)
    let path = from.withUTF8 { from in
      to.withUTF8 { to in
        let fromDirectory = from.split(separator: slash, omittingEmptySubsequences: false).dropLast()
        let target = to.split(separator: slash, omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1,
          fromDirectory[fromDirectory.startIndex + common].elementsEqual(target[common])
        {
          common += 1
        }
        return String(repeating: "../", count: fromDirectory.count - common) + joined(target[common...])
      }
    }
    return encode(path)
  }

  /// `../` repeated once per folder between a page and the site root ("" for root pages).
  static func root(from page: String) -> String {
    String(repeating: "../", count: page.split(separator: "/").count - 1)
  }

  /// Percent-encodes a relative path so spaces and other characters survive in an href.
  static func encode(_ path: String) -> String {
    if path.isEmpty { return "./" }
    // Most paths are slugs: nothing to encode, and CharacterSet lookups would dominate the render.
    let plain = path.utf8.allSatisfy { byte in
      (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x2F || byte == 0x7E
    }
    if plain { return path }
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: ":;")
    let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return encoded.isEmpty ? "./" : encoded
  }

  /// Joins `path` onto the folder `directory` and removes `.` and `..`; nil when it climbs above the root.
  static func normalize(_ path: String, in directory: String) -> String? {
    let isAbsolute = path.hasPrefix("/")
    var (path, directory) = (path, directory)
    return directory.withUTF8 { directory in
      path.withUTF8 { path in
        var parts = isAbsolute ? [] : directory.split(separator: slash)
        for part in path.split(separator: slash) {
          if part.elementsEqual(".".utf8) { continue }
          if part.elementsEqual("..".utf8) {
            if parts.isEmpty { return nil }
            parts.removeLast()
          } else {
            parts.append(part)
          }
        }
        return joined(parts)
      }
    }
  }

  /// The folder part of a site- or content-relative path ("guides/x.md" → "guides").
  static func directory(of path: String) -> String {
    var path = path
    return path.withUTF8 { joined($0.split(separator: slash).dropLast()) }
  }

  // Paths are split on UTF-8 bytes, where `/` is always a separator: splitting Characters cost more than the rest.
  private static let slash = UInt8(ascii: "/")

  /// The parts of a path, joined with `/`.
  private static func joined(_ parts: some Collection<Slice<UnsafeBufferPointer<UInt8>>>) -> String {
    var bytes: [UInt8] = []
    for (index, part) in parts.enumerated() {
      if index > 0 { bytes.append(slash) }
      bytes.append(contentsOf: part)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
