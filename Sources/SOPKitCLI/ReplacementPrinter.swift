import SOPKit

/// Lists the statewide files a county's overlay replaces, one line each, then a count.
enum ReplacementPrinter {
  static func print(_ replacements: [OverlayReplacement]) {
    guard !replacements.isEmpty else { return }
    for replacement in replacements { Swift.print(replacement) }
    let count = replacements.count
    Swift.print("\(count) statewide \(count == 1 ? "file" : "files") replaced by the overlay")
  }
}
