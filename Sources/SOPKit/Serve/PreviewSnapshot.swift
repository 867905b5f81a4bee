import Foundation

/// What the preview serves at one moment: the files of the last good build by site path, and the
/// error page while the latest build fails. Swapped whole, so a request never sees half a rebuild.
struct PreviewSnapshot: Sendable {
  /// Counts rebuilds, good or failed; a tab reloads when the generation it was served from is not the latest.
  var generation: Int
  var files: [String: RenderedFile.Contents]
  var errorPage: Data?
}
