import Foundation

/// What the share page checks in the browser, made by the build from the same settings and rules `sopkit check`
/// and `sopkit import` use, so the two cannot drift. Written into the page as JSON (`#share-rules`), which works
/// from `file://` where a separate file could not be fetched; `Public/js/share.js` reads it by these names.
struct ShareRules: Encodable {
  /// A county the form offers and the region contacts.yaml puts it in.
  struct County: Encodable {
    var name: String
    var region: String
  }

  /// One kind of identifying detail the confidentiality check looks for.
  struct Confidential: Encodable {
    var id: String
    var pattern: String
  }

  /// The package format `sopkit import` reads; goes into manifest.json.
  var version = 1
  var summaryMax = YAMLFields.maxSummaryLength
  var required = ["title", "summary", "body"]
  var roles: [String]
  var counties: [County]
  var maxFiles: Int
  var maxFileBytes: Int
  var fileTypes: [String]
  /// Addresses and phone digits the site publishes, which the confidentiality check lets through.
  var publishedEmails: [String]
  var publishedPhones: [String]
  var confidential: [Confidential]
  /// The page's words for each problem (`share_msg_<name>` in Templates/i18n), by name.
  var messages: [String: String]
  /// The heading over the list of attached files in the story.
  var attachmentsHeading: String

  init(site: Site, strings: TemplateStrings) {
    roles = site.settings.roles.map(\.id)
    counties = site.regions.flatMap { region in region.counties.map { County(name: $0, region: region.id) } }
      .sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
    let share = site.settings.share
    maxFiles = share.maxFiles
    maxFileBytes = share.maxFileBytes
    fileTypes = share.fileTypes
    let contacts = site.regions.flatMap(\.contacts)
    publishedEmails = (contacts.compactMap(\.email) + [share.email].compactMap { $0 }).map { $0.lowercased() }
    publishedPhones = contacts.compactMap(\.phone).map { String($0.filter { $0.isASCII && $0.isNumber }) }
    confidential = ConfidentialityScan.kinds.map { Confidential(id: $0.id, pattern: $0.pattern) }
    let prefix = "share_msg_"
    messages = Dictionary(
      uniqueKeysWithValues: strings.words.filter { $0.key.hasPrefix(prefix) }.map {
        (String($0.key.dropFirst(prefix.count)), $0.value)
      })
    attachmentsHeading = strings.word("share_attachments_heading")
  }

  /// The rules as JSON that is safe inside a `<script>` element.
  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
  }
}
