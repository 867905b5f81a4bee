/// How people send a story or tool from the share page, and what `sopkit import` accepts: from `site.yaml`.
public struct ShareSettings: Sendable, Equatable {
  /// Where the share page tells senders to e-mail their package (`share_email`).
  public var email: String?
  /// A county's endpoint that takes the package as a multipart `POST` (`share_url`).
  public var url: String?
  /// The most an attached file may weigh, in bytes (`share_max_megabytes`, 10 by default).
  public var maxFileBytes: Int = 10 * 1_048_576
  /// How many files may be attached (`share_max_files`, 10 by default).
  public var maxFiles: Int = 10
  /// The file name extensions an attachment may have, lowercase and without the dot (`share_file_types`).
  public var fileTypes: [String] = [
    "pdf", "doc", "docx", "odt", "rtf", "txt", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "png", "jpg", "jpeg",
  ]

  public init() {}
}
