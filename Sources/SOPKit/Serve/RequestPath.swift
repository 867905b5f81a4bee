import Foundation

/// Turns the path of a preview request into a site-relative file path, or refuses it.
///
/// The path is percent-decoded once; any `..` or `.` segment, empty segment, NUL or backslash
/// is refused, so no request can name anything outside the built site.
enum RequestPath {
  /// `index.html` for `/`, `guides/index.html` for `/guides/`, `css/site.css` for `/css/site.css`.
  static func sitePath(for rawPath: String) -> String? {
    guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
    if decoded.contains("\0") || decoded.contains("\\") { return nil }
    var segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    if segments.last == "" { segments[segments.count - 1] = "index.html" }
    for segment in segments where segment.isEmpty || segment == "." || segment == ".." { return nil }
    return segments.joined(separator: "/")
  }
}
