import Foundation

extension PageContext {
  /// `contacts.html`: contacts grouped by region, and an A-to-Z list of counties, each once, pointing to
  /// the teams that serve it.
  func contacts() -> [String: Any] {
    var context = base(title: "", description: "", kind: .contacts)
    PageContext.list(
      "regions",
      site.regions.map { region in
        var values: [String: Any] = ["id": region.id, "name": region.name, "is_local": region.isLocal]
        PageContext.list("counties", region.counties.map { ["name": $0] }, into: &values)
        PageContext.list(
          "contacts",
          region.contacts.map { contact in
            // In a county's own region every contact is local; the region says so once.
            var values: [String: Any] = ["name": contact.name, "is_local": contact.isLocal && !region.isLocal]
            if let title = contact.title { values["title"] = title }
            if let email = contact.email {
              values["email"] = ["text": email, "href": "mailto:" + email]
            }
            if let phone = contact.phone, let link = contact.phoneLink {
              values["phone"] = ["text": phone, "href": link]
            }
            return values
          }, into: &values)
        return values
      }, into: &context)
    // A county served by more than one team (an overlay's own and its statewide region) is listed once, under
    // its first team, with the others beside it.
    var teams: [String: [Region]] = [:]
    var names: [String: String] = [:]
    for region in site.regions {
      for county in region.counties {
        let key = county.lowercased()
        if !(teams[key]?.contains { $0.id == region.id } ?? false) { teams[key, default: []].append(region) }
        if names[key] == nil { names[key] = county }
      }
    }
    let counties = names.sorted { $0.value.localizedStandardCompare($1.value) == .orderedAscending }
    PageContext.list(
      "counties",
      counties.map { key, name in
        let regions = teams[key] ?? []
        var values: [String: Any] = ["name": name, "region": regions[0].name, "href": "#\(regions[0].id)"]
        PageContext.list(
          "other_teams", regions.dropFirst().map { ["name": $0.name, "href": "#\($0.id)"] }, into: &values)
        return values
      }, into: &context)
    return context
  }
}
