/// Lays a county's overlay over the statewide content: its files are added, and a file at the same
/// content path as a statewide one replaces it (and the statewide translations of a replaced page). Clashes
/// between different paths are left to the checks every build runs (`RouteTable`, `AssetCopier`), which name
/// the overlay's real path.
enum ContentOverlay {
  static func merge(
    _ statewide: ContentScanner.Inventory, scannedBy statewideScanner: ContentScanner,
    with overlay: ContentScanner.Inventory, scannedBy overlayScanner: ContentScanner
  ) -> (ContentScanner.Inventory, [OverlayReplacement]) {
    var merged = statewide
    var replacements: [OverlayReplacement] = []
    var markdown = Dictionary(uniqueKeysWithValues: statewide.markdown.map { ($0.contentPath, $0) })
    var replacedPaths = Set<String>()
    for entry in overlay.markdown {
      if let replaced = markdown.updateValue(entry, forKey: entry.contentPath) {
        replacements.append(OverlayReplacement(overlayPath: entry.displayPath, statewidePath: replaced.displayPath))
        replacedPaths.insert(entry.contentPath)
      }
    }
    // A statewide translation translates the text the county replaced: the county's page stands in its place
    // (shown as untranslated) unless the overlay has a translation of its own.
    let replacingOriginals = Dictionary(
      overlay.markdown.filter { $0.language == nil && replacedPaths.contains($0.contentPath) }.map {
        ($0.contentPath, $0)
      }
    ) { first, _ in first }
    for entry in markdown.values where !entry.isLocal && entry.language != nil {
      guard let replacing = replacingOriginals[ContentLoader.originalPath(of: entry)] else { continue }
      markdown[entry.contentPath] = nil
      replacements.append(OverlayReplacement(overlayPath: replacing.displayPath, statewidePath: entry.displayPath))
    }
    merged.markdown = markdown.values.sorted { $0.contentPath < $1.contentPath }
    let statewideFiles = Set(statewide.files)
    for path in overlay.files {
      if statewideFiles.contains(path) {
        replacements.append(
          OverlayReplacement(
            overlayPath: overlayScanner.displayPath(path), statewidePath: statewideScanner.displayPath(path)))
      }
      merged.fileSizes[path] = overlay.fileSizes[path]
    }
    merged.files = statewideFiles.union(overlay.files).sorted()
    merged.localFiles = overlay.localFiles
    return (merged, replacements.sorted { ($0.overlayPath, $0.statewidePath) < ($1.overlayPath, $1.statewidePath) })
  }
}
