/// Reads `Content/contacts.yaml` into regions and their contacts.
enum ContactsFile {
  static func read(_ file: SourceFile) throws(BuildFailure) -> ([Located<Region>], [Diagnostic]) {
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let regions = fields.records("regions", read: readRegion)
    fields.reportUnknownKeys()
    var seenIDs = Set<String>()
    var seenCounties: [String: String] = [:]
    for region in regions {
      if !seenIDs.insert(region.value.id).inserted {
        fields.error("the region id '\(region.value.id)' is listed twice", at: region.location)
      }
      for county in region.value.counties {
        if let other = seenCounties.updateValue(region.value.id, forKey: county.lowercased()), other != region.value.id {
          fields.warning("the county '\(county)' is listed in both '\(other)' and '\(region.value.id)'", at: region.location)
        }
      }
    }
    return (regions, try fields.diagnostics.finish())
  }

  private static func readRegion(_ entry: YAMLFields) -> Located<Region>? {
    let id = entry.string("id", required: true)
    let name = entry.string("name", required: true)
    let counties = entry.strings("counties").map(\.value)
    let contacts = entry.records("contacts", read: readContact)
    if let id, !Slug.isValid(id.value) {
      entry.error("the region id '\(id.value)' must use only lowercase letters, digits and '-'", at: id.location)
    }
    guard let id, let name else { return nil }
    return Located(Region(id: id.value, name: name.value, counties: counties, contacts: contacts), at: id.location)
  }

  private static func readContact(_ entry: YAMLFields) -> Contact? {
    let name = entry.string("name", required: true)
    let title = entry.string("title")?.value
    let email = entry.string("email")
    let phone = entry.string("phone")
    if let email, !isEmailAddress(email.value) {
      entry.error("'\(email.value)' is not an e-mail address like name@example.org", at: email.location)
    }
    let contact = Contact(name: name?.value ?? "", title: title, email: email?.value, phone: phone?.value)
    if let phone, contact.phoneLink == nil {
      entry.error("the phone number '\(phone.value)' has no digits", at: phone.location)
    }
    return name == nil ? nil : contact
  }

  private static func isEmailAddress(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !text.contains(where: { $0.isWhitespace || "<>\"'(),;:".contains($0) })
  }
}
