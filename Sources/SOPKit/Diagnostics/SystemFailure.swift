import Foundation

/// A failure of the computer rather than of the project (out of open files, a disk that cannot be read): said
/// as such, with no file position, since no edit to the file would fix it.
///
/// Its diagnostic has no location; `sopkit serve` keeps serving its last good build when a rebuild fails only
/// with these.
enum SystemFailure {
  /// The diagnostic for the operating-system error `code`, met on `path`; nil when the error may well be the
  /// file's own (missing, unreadable, not a file), which is said at the file.
  static func diagnostic(code: Int32, path: String) -> Diagnostic? {
    switch code {
    case EMFILE, ENFILE:
      return .error(
        "cannot open more files (reading '\(path)'): the limit on open files is reached; close other programs or raise the limit ('ulimit -n'), then try again",
        at: .system)
    case ENOMEM:
      return .error("out of memory (reading '\(path)'); close other programs, then try again", at: .system)
    case EIO:
      return .error("the disk failed to read '\(path)' (input/output error)", at: .system)
    default:
      return nil
    }
  }

  /// The POSIX error code inside a Foundation error, looking through its underlying errors.
  static func code(of error: any Error) -> Int32? {
    if let posix = error as? POSIXError { return posix.code.rawValue }
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
    return (error.userInfo[NSUnderlyingErrorKey] as? any Error).flatMap(code(of:))
  }
}

extension SourceLocation {
  /// No place in the project: the problem is the computer's.
  public static let system = SourceLocation(path: "")
}

extension Diagnostic {
  /// Whether this is a failure of the computer rather than of the project (see `SystemFailure`).
  public var isSystemFailure: Bool { location.path.isEmpty }
}
