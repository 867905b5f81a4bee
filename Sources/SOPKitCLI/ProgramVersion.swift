import CBuildInfo

/// What `sopkit --version` prints: the release number and the commit the program was built from.
enum ProgramVersion {
  /// The release number; `.ci/release` names its archive and package after it.
  static let number = "0.1.0"

  /// The commit `.ci/release` built from, or nil for a build from source that was not told.
  static var commit: String? {
    let commit = String(cString: sopkit_build_commit())
    return commit.isEmpty ? nil : commit
  }

  /// `0.1.0 (commit 1a2b3c4d5e6f)`, or `0.1.0 (commit unknown: built from source, not by .ci/release)`.
  static var description: String {
    "\(number) (commit \(commit ?? "unknown: built from source, not by .ci/release"))"
  }
}
