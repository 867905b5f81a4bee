@testable import SOPKit

/// A small English site several suites build: two guides (one linking to the other's heading), a draft, a
/// story in a region, two about pages, an image and an attachment, with `TemporarySite.siteYAML`'s roles and topic.
/// A suite that changes it says how in its own fixture.
enum SmallSite {
  static let files: [String: String] = [
    "Content/contacts.yaml": """
    regions:
      - id: central
        name: Central Academy
        counties: [Fresno, Tulare]
        contacts:
          - name: Coordinator
            email: sop@example.org
            phone: "+1 555 0100"
    """,
    "Content/guides/three-houses.md": TemporarySite.guide(
      "Three Houses",
      extra:
        "topics: [three-houses]\ntags: [children, Family Meetings]\nupdated: 2024-03-01\nattachments:\n  - file: sheets/three-houses.pdf\n    title: Worksheet\n",
      body:
        "## How to do it\n\nSee [the Safety House](safety-house.md#draw-it) and [a story](../stories/tulare.md).\n\n![Three houses](images/houses.svg)\n"
    ),
    "Content/guides/safety-house.md": TemporarySite.guide(
      "Safety House", roles: "[leaders, line-staff]", extra: "topics: [three-houses]\n",
      body: "## Draw it\n\nRead [about SOP](../pages/about.md).\n"),
    "Content/guides/draft-guide.md": TemporarySite.guide("Draft", extra: "draft: true\n"),
    "Content/guides/images/houses.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    "Content/sheets/three-houses.pdf": "%PDF-1.4 test",
    "Content/stories/tulare.md":
      "---\ntitle: Tulare\ndate: 2022-05-10\nsummary: A story.\ncounty: Tulare\nregion: central\ntags: [children]\n---\nStory.\n",
    "Content/pages/about.md": "---\ntitle: About SOP\norder: 1\n---\nAbout.\n",
    "Content/pages/how-to-use.md": "---\ntitle: How to use\norder: 2\n---\nUse it.\n",
  ]
}
