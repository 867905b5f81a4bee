import ArgumentParser
import Foundation

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the date a stamped build says, instead of the content's newest date.
enum SourceDateEpoch {
  static func value() throws -> Int? {
    guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
    guard let seconds = Int(text), seconds >= 0 else {
      throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found '\(text)'")
    }
    return seconds
  }
}
