/// Reads `Content/site.yaml` into `SiteSettings`, checking ids, names and addresses.
enum SiteSettingsFile {
  /// Said of a missing site.yaml.
  static let whyNeeded = "every site needs a site.yaml with at least its 'title' and its 'roles'"

  static func read(_ file: SourceFile) throws(BuildFailure) -> Checked<SiteSettings> {
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let title = fields.string("title", required: true)
    let description = fields.string("description")?.value ?? ""
    let language = fields.string("language")
    if let language, !isLanguageTag(language.value) {
      fields.error(
        "'language' must be a language code such as 'en' or 'es', found '\(language.value)'", at: language.location)
    }
    let url = fields.string("url")
    if let url, !isWebAddress(url.value) {
      fields.error("'url' must be a full web address starting with https:// or http://", at: url.location)
    }
    let submitURL = fields.string("submit_url")
    if let submitURL, !isWebAddress(submitURL.value) && !submitURL.value.hasPrefix("mailto:") {
      fields.error("'submit_url' must be a web address (https://...) or a mailto: address", at: submitURL.location)
    }
    let allowRawHTML = fields.bool("allow_raw_html") ?? false
    let defaultLanguage = language?.value ?? "en"
    var languageName: String?
    var languages: [SiteLanguage] = []
    for entry in fields.records("languages", read: readLanguage) {
      if entry.value.id == defaultLanguage {
        languageName = entry.value.name
      } else if languages.contains(where: { $0.id == entry.value.id }) {
        fields.error("the language '\(entry.value.id)' is listed twice", at: entry.location)
      } else {
        languages.append(entry.value)
      }
    }
    let languageIDs = languages.map(\.id)
    let version = fields.string("version")
    let share = ShareSettingsFields.read(fields)
    let roles = fields.records("roles") { entry in
      let translations = readTranslations(entry, languages: languageIDs)
      return readEntry(entry).map {
        Role(id: $0.id, name: $0.name, description: $0.description, translations: translations)
      }
    }
    let topics = fields.records("topics") { entry in
      let translations = readTranslations(entry, languages: languageIDs)
      return readEntry(entry).map {
        Topic(id: $0.id, name: $0.name, description: $0.description, translations: translations)
      }
    }
    if roles.isEmpty && fields.node("roles") == nil {
      fields.error("missing required field 'roles': list the roles guides are written for", at: fields.location)
    }
    checkUnique(roles.map(\.id), kind: "role", in: fields)
    checkUnique(topics.map(\.id), kind: "topic", in: fields)
    let categories = fields.records("categories") { entry in
      let translations = readTranslations(entry, languages: languageIDs)
      return readEntry(entry).map {
        StoryCategory(id: $0.id, name: $0.name, description: $0.description, translations: translations)
      }
    }
    checkUnique(categories.map(\.id), kind: "category", in: fields)
    fields.reportUnknownKeys()
    let diagnostics = try fields.diagnostics.finish()
    guard let title else { throw BuildFailure(diagnostics: diagnostics) }
    var address = url?.value
    if let value = address, !value.hasSuffix("/") { address = value + "/" }
    var settings = SiteSettings(
      title: title.value, description: description, language: defaultLanguage, url: address,
      submitURL: submitURL?.value, allowRawHTML: allowRawHTML, roles: roles, topics: topics, languages: languages,
      languageName: languageName)
    settings.version = version?.value
    settings.share = share
    settings.categories = categories
    return Checked(value: settings, diagnostics: diagnostics)
  }

  /// One entry of `languages:`: an id, the language's name in itself, and optionally the site's title and
  /// description in it.
  private static func readLanguage(_ entry: YAMLFields) -> Located<SiteLanguage>? {
    let id = entry.string("id", required: true)
    let name = entry.string("name", required: true)
    let title = entry.string("title")?.value
    let description = entry.string("description")?.value
    if let id, !isLanguageTag(id.value) || id.value != id.value.lowercased() {
      entry.error(
        "the language id '\(id.value)' must be a lowercase language code such as 'es' or 'pt-br'", at: id.location)
      return nil
    }
    guard let id, let name else { return nil }
    return Located(
      SiteLanguage(id: id.value, name: name.value, title: title, description: description, pathPrefix: id.value + "/"),
      at: id.location)
  }

  /// A role's or topic's `translations:`, keyed by language id: each with a `name` and an optional `description`.
  private static func readTranslations(_ entry: YAMLFields, languages: [String]) -> [String: TranslatedText] {
    entry.translations(languages: languages) { fields -> TranslatedText? in
      let name = fields.string("name", required: true)
      let description = fields.string("description")?.value
      fields.reportUnknownKeys()
      return name.map { TranslatedText(name: $0.value, description: description) }
    }
  }

  private static func readEntry(_ entry: YAMLFields) -> (id: String, name: String, description: String)? {
    let id = entry.string("id", required: true)
    let name = entry.string("name", required: true)
    let description = entry.string("description")?.value ?? ""
    if let id, !Slug.isValid(id.value) {
      entry.error("the id '\(id.value)' must use only lowercase letters, digits and '-'", at: id.location)
    }
    guard let id, let name else { return nil }
    return (id.value, name.value, description)
  }

  private static func checkUnique(_ ids: [String], kind: String, in fields: YAMLFields) {
    var seen = Set<String>()
    for id in ids where !seen.insert(id).inserted {
      fields.error("the \(kind) id '\(id)' is listed twice", at: fields.location)
    }
  }

  static func isWebAddress(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && text.count > 8
      && !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
  }

  private static func isLanguageTag(_ text: String) -> Bool {
    // BCP 47: a two- or three-letter language, then optional subtags such as a region ("es-MX").
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
