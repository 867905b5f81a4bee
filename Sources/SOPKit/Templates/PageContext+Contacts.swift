import Foundation

extension PageContext {
  /// `contacts.html`: contacts grouped by region, and an A-to-Z list of counties pointing to their region.
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
    let counties = site.regions.flatMap { region in region.counties.map { (county: $0, region: region) } }
      .sorted { $0.county.localizedStandardCompare($1.county) == .orderedAscending }
    PageContext.list(
      "counties",
      counties.map { ["name": $0.county, "region": $0.region.name, "href": "#\($0.region.id)"] }, into: &context)
    return context
  }
}
