/// Reads the `share_*` keys of `site.yaml` into `ShareSettings`.
enum ShareSettingsFields {
  static func read(_ fields: YAMLFields) -> ShareSettings {
    var share = ShareSettings()
    if let email = fields.string("share_email") {
      if isEmailAddress(email.value) {
        share.email = email.value
      } else {
        fields.error("'share_email' must be an e-mail address such as sop@example.org", at: email.location)
      }
    }
    if let url = fields.string("share_url") {
      if SiteSettingsFile.isWebAddress(url.value) {
        share.url = url.value
      } else {
        fields.error("'share_url' must be a web address starting with https:// or http://", at: url.location)
      }
    }
    if let megabytes = fields.integer("share_max_megabytes") {
      if (1...100).contains(megabytes.value) {
        share.maxFileBytes = megabytes.value * 1_048_576
      } else {
        fields.error("'share_max_megabytes' must be between 1 and 100", at: megabytes.location)
      }
    }
    if let count = fields.integer("share_max_files") {
      if (0...50).contains(count.value) {
        share.maxFiles = count.value
      } else {
        fields.error("'share_max_files' must be between 0 and 50", at: count.location)
      }
    }
    let types = fields.strings("share_file_types")
    if !types.isEmpty {
      for type in types where !type.value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) {
        fields.error(
          "each of 'share_file_types' must be a lowercase file name extension without the dot, such as pdf, found '\(type.value)'",
          at: type.location)
      }
      share.fileTypes = types.map(\.value)
    }
    return share
  }

  static func isEmailAddress(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !text.contains(where: { $0.isWhitespace || "<>\"(),;:".contains($0) })
  }
}
