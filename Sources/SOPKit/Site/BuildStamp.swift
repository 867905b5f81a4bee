import Foundation

/// Which build a copy is, said on its home page and in its footer so a county can tell an old copy:
/// the content's date, the editors' version number, and a fingerprint of every file the build read.
public struct BuildStamp: Sendable, Equatable {
  /// `SOURCE_DATE_EPOCH` when given, else the newest guide `updated` or story `date`; never the clock,
  /// so the same input always makes the same pages and the same zip.
  public var date: SimpleDate?
  /// `version` from site.yaml.
  public var version: String?
  /// The first 12 hex digits of `InputFingerprint.filesHash()`: the content, overlay, templates and public files.
  public var fingerprint: String

  /// `filesHash` is `InputFingerprint.filesHash()` for the project the site was built from.
  static func make(site: Site, filesHash: String, sourceDateEpoch: Int?) -> BuildStamp {
    let contentDates = site.guides.compactMap(\.updated) + site.stories.map(\.date)
    let date = sourceDateEpoch.map(Self.date(epoch:)) ?? contentDates.max()
    return BuildStamp(date: date, version: site.settings.version, fingerprint: String(filesHash.prefix(12)))
  }

  /// The UTC calendar date of a Unix time.
  static func date(epoch: Int) -> SimpleDate {
    var time = time_t(epoch)
    var parts = tm()
    gmtime_r(&time, &parts)
    let text = String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    return SimpleDate(text)!
  }
}
