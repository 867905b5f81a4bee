import Foundation

/// Checks a built site the way a browser follows it: every relative `href`/`src` must name a file,
/// and every `#fragment` an `id` in that file.
enum LinkChecker {
  static func brokenLinks(in output: URL) throws -> [String] {
    let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
    let pages = files.filter { $0.hasSuffix(".html") }
    var ids: [String: Set<String>] = [:]
    var texts: [String: String] = [:]
    for page in pages {
      let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
      texts[page] = text
      ids[page] = Set(attributeValues("id", in: text))
    }
    var broken: [String] = []
    for page in pages.sorted() {
      let text = texts[page]!
      let directory = (page as NSString).deletingLastPathComponent
      for link in attributeValues("href", in: text) + attributeValues("src", in: text) {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.contains(":") && !decoded.hasPrefix("#") { continue }
        let withoutQuery = decoded.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let target = path.isEmpty ? page : normalize((directory as NSString).appendingPathComponent(path))
        var isDirectory: ObjCBool = false
        guard
          FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        else {
          broken.append("\(page): \(link) (no file)")
          continue
        }
        if parts.count == 2, !parts[1].isEmpty, target.hasSuffix(".html"),
          ids[target]?.contains(String(parts[1])) != true
        {
          broken.append("\(page): \(link) (no id)")
        }
      }
    }
    return broken
  }

  static func attributeValues(_ name: String, in html: String) -> [String] {
    var values: [String] = []
    var rest = html[...]
    let marker = " \(name)=\""
    while let start = rest.range(of: marker) {
      let afterQuote = rest[start.upperBound...]
      guard let end = afterQuote.firstIndex(of: "\"") else { break }
      values.append(String(afterQuote[..<end]))
      rest = afterQuote[end...]
    }
    return values
  }

  private static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
    }
    return parts.joined(separator: "/")
  }
}
