import Foundation

/// One file of the built site: its site-relative path and either its bytes or the file it copies.
public struct RenderedFile: Sendable {
  /// What goes into the file.
  public enum Contents: Sendable {
    /// Bytes the build made (pages, feed, sitemap, search index).
    case bytes(Data)
    /// A file copied as it is (Public/ assets, images and attachments under Content/).
    case copy(URL)
  }

  public var path: String
  public var contents: Contents

  public init(path: String, contents: Contents) {
    self.path = path
    self.contents = contents
  }

  public init(path: String, text: String) {
    self.init(path: path, contents: .bytes(Data(text.utf8)))
  }

  public var isCopy: Bool {
    if case .copy = contents { return true }
    return false
  }
}
