/// Reads `Content/contacts.yaml` into regions and their contacts, and a county overlay's `contacts.yaml` into
/// the regions and contacts it adds.
enum ContactsFile {
  static func read(_ file: SourceFile) throws(BuildFailure) -> Checked<[Located<Region>]> {
    try read(file, addingTo: nil)
  }

  /// Reads an overlay's `contacts.yaml` on top of the statewide regions: a new id adds a local region, and an
  /// entry with a statewide region's id and only `contacts` adds local contacts to that region.
  /// Local regions come first, so a county's own contacts open the page.
  static func read(_ file: SourceFile, addingTo statewide: [Located<Region>]) throws(BuildFailure)
    -> Checked<[Located<Region>]>
  {
    try read(file, addingTo: Optional(statewide))
  }

  /// What one entry of `regions:` says: a region of its own, or contacts for a statewide region.
  private enum Entry {
    case region(Located<Region>)
    case contacts([Contact], forRegion: String)
  }

  private static func read(_ file: SourceFile, addingTo statewide: [Located<Region>]?) throws(BuildFailure)
    -> Checked<[Located<Region>]>
  {
    let fields = YAMLFields(try YAMLDocument.parse(file.text, file: file, firstLine: 1), file: file, firstLine: 1)
    let declared = Dictionary((statewide ?? []).map { ($0.value.id, $0.location) }) { first, _ in first }
    let entries = fields.records("regions") { readEntry($0, declared: declared, isLocal: statewide != nil) }
    fields.reportUnknownKeys()
    var regions: [Located<Region>] = []
    var added: [String: [Contact]] = [:]
    for entry in entries {
      switch entry {
      case .region(let region): regions.append(region)
      case .contacts(let contacts, let id): added[id, default: []] += contacts
      }
    }
    var seenIDs = Set<String>()
    var seenCounties: [String: String] = [:]
    for region in regions {
      if !seenIDs.insert(region.value.id).inserted {
        fields.error("the region id '\(region.value.id)' is listed twice", at: region.location)
      }
      for county in region.value.counties {
        if let other = seenCounties.updateValue(region.value.id, forKey: county.lowercased()), other != region.value.id
        {
          fields.warning(
            "the county '\(county)' is listed in both '\(other)' and '\(region.value.id)'", at: region.location)
        }
      }
    }
    let extended = (statewide ?? []).map { region in
      var region = region
      region.value.contacts += added[region.value.id] ?? []
      return region
    }
    return Checked(value: regions + extended, diagnostics: try fields.diagnostics.finish())
  }

  private static func readEntry(_ entry: YAMLFields, declared: [String: SourceLocation], isLocal: Bool) -> Entry? {
    let id = entry.string("id", required: true)
    if let id, let statewide = declared[id.value] {
      if entry.node("name") != nil || entry.node("counties") != nil {
        entry.error(
          "the region id '\(id.value)' is already used at \(statewide); to add contacts to that region give only 'id' and 'contacts', or choose another id for a new region",
          at: id.location)
      }
      let contacts = entry.records("contacts", read: readContact).map { contact in
        var contact = contact
        contact.isLocal = true
        return contact
      }
      return .contacts(contacts, forRegion: id.value)
    }
    let name = entry.string("name", required: true)
    let counties = entry.strings("counties").map(\.value)
    var contacts = entry.records("contacts", read: readContact)
    if let id, !Slug.isValid(id.value) {
      entry.error("the region id '\(id.value)' must use only lowercase letters, digits and '-'", at: id.location)
    }
    guard let id, let name else { return nil }
    for index in contacts.indices { contacts[index].isLocal = isLocal }
    let region = Region(id: id.value, name: name.value, counties: counties, contacts: contacts, isLocal: isLocal)
    return .region(Located(region, at: id.location))
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
