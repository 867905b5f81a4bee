/// A downloadable file offered with a guide: its title, its copy's path, its kind and size.
public struct Attachment: Sendable, Equatable {
  public var title: String
  /// Content-relative path, which is also its path in the output.
  public var path: String
  public var byteCount: Int

  /// The file type shown to readers, from the extension ("PDF", "DOCX").
  public var typeLabel: String {
    let ext = path.split(separator: ".").last.map(String.init) ?? ""
    return path.contains(".") ? ext.uppercased() : ""
  }

  /// A human size such as "48 KB" or "1.2 MB".
  public var sizeLabel: String {
    if byteCount < 1000 { return "\(byteCount) B" }
    if byteCount < 1_000_000 { return "\((byteCount + 500) / 1000) KB" }
    let tenths = (byteCount + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
