/// Reads a county overlay's `site.yaml`: `county`, `logo` and `notice`. The statewide settings stay statewide.
enum LocalSettingsFile {
  /// The keys of the statewide `site.yaml`, which an overlay may not change.
  static let statewideKeys = [
    "title", "description", "language", "url", "submit_url", "allow_raw_html", "version", "roles", "topics",
  ]

  /// The settings with where `logo` is written (for checking that the file exists), and every problem found;
  /// only a YAML syntax error is thrown, so the logo is checked even when another field is wrong.
  static func read(_ file: SourceFile) throws(BuildFailure) -> Checked<(LocalSettings, logo: Located<String>?)> {
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let county = fields.string("county")
    let logo = fields.string("logo")
    let notice = fields.string("notice")
    if let logo, county == nil {
      fields.error(
        "'logo' needs 'county': the county's name is what people who cannot see the logo read instead",
        at: logo.location)
    }
    for key in statewideKeys {
      guard let node = fields.node(key) else { continue }
      fields.error(
        "'\(key)' is set by the statewide site.yaml; a county's site.yaml may set only county, logo and notice",
        at: fields.locate(node.mark))
    }
    fields.reportUnknownKeys()
    return Checked(
      value: (LocalSettings(county: county?.value, logo: logo?.value, notice: notice?.value), logo),
      diagnostics: fields.diagnostics.diagnostics)
  }
}
