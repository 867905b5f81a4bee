import Foundation

/// Relative hrefs between output files, so the site works at a server root, under a sub-path and from disk.
enum RelativeLink {
  /// The href that leads from the page at `from` to the file at `to` (both site-relative paths).
  static func href(from: String, to: String) -> String {
    let fromDirectory = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    let target = to.split(separator: "/", omittingEmptySubsequences: false)
    var common = 0
    while common < fromDirectory.count, common < target.count - 1,
      fromDirectory[fromDirectory.startIndex + common] == target[common]
    {
      common += 1
    }
    let ups = Array(repeating: "..", count: fromDirectory.count - common)
    let path = (ups + target[common...].map(String.init)).joined(separator: "/")
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
    var parts = path.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        if parts.isEmpty { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  /// The folder part of a site- or content-relative path ("guides/x.md" → "guides").
  static func directory(of path: String) -> String {
    path.split(separator: "/").dropLast().joined(separator: "/")
  }
}
