import Foundation

extension PageContext {
  /// The share page: one field per story front-matter key, the rules the browser checks them by, and the ways
  /// to send the file it makes.
  func share() -> [String: Any] {
    var context = base(title: strings.word("share_title"), description: strings.word("share_lead"), kind: .share)
    let settings = site.settings
    let share = settings.share
    context["regions"] = site.regions.map { ["id": $0.id, "name": $0.name] }
    let rules = ShareRules(site: site, strings: strings)
    context["counties"] = rules.counties.map {
      ["name": $0.name, "region": $0.region]
    }
    context["role_choices"] = settings.roles.map { ["id": $0.id, "name": $0.name] }
    context["categories"] = Array(Set(site.stories.compactMap(\.category))).sorted().map { ["name": $0] }
    PageContext.list(
      "category_choices", settings.categories.map { ["name": $0.name, "description": $0.description] }, into: &context)
    context["accept"] = share.fileTypes.map { "." + $0 }.joined(separator: ",")
    context["summary_max"] = YAMLFields.maxSummaryLength
    context["summary_hint"] = strings.word("share_summary_hint", ["max": String(YAMLFields.maxSummaryLength)])
    context["attachments_hint"] = strings.word(
      "share_attachments_hint",
      [
        "count": String(share.maxFiles), "size": String(share.maxFileBytes / 1_048_576),
        "types": share.fileTypes.joined(separator: ", "),
      ])
    context["rules_json"] = rules.json()
    if let email = share.email {
      context["share_email"] = email
      context["send_email_text"] = strings.word("share_send_email", ["email": email])
    }
    if let url = share.url { context["share_url"] = url }
    context["contacts_href"] = href(.contacts)
    return context
  }
}
