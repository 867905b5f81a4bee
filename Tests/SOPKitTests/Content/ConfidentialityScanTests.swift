import Foundation
import Testing

@testable import SOPKit

/// The confidentiality check: what looks like a detail identifying a child or family is a warning at its place,
/// and ordinary prose about practice, with its years, counts and scales, is not.
@Suite struct ConfidentialityScanTests {
  static let contact = Located(
    Region(
      id: "central", name: "Central", counties: ["Kern"],
      contacts: [Contact(name: "Coordinator", email: "sop-central@example.org", phone: "+1 (661) 555-0100")]),
    at: SourceLocation(path: "Content/contacts.yaml"))

  static func findings(_ text: String) -> [String] {
    var share = ShareSettings()
    share.email = "share@example.org"
    return ConfidentialityScan(regions: [contact], share: share)
      .warnings(in: SourceFile(path: "s.md", text: text)).map(\.description)
  }

  @Test(arguments: [
    ("Her SSN is 123-45-6789.", "s.md:1:12: warning: this looks like a Social Security number ('123-45-6789')"),
    ("DOB: 04/12/2015, seen at home.", "s.md:1:1: warning: this looks like a date of birth ('DOB: 04/12/2015')"),
    (
      "The boy was born on March 3, 2016.",
      "s.md:1:13: warning: this looks like a date of birth ('born on March 3, 2016')"
    ),
    (
      "La niña nació el 3 de marzo de 2016.",
      "s.md:1:9: warning: this looks like a date of birth ('nació el 3 de marzo de 2016')"
    ),
    ("Call mom at (559) 555-0134 after 5.", "s.md:1:13: warning: this looks like a phone number ('(559) 555-0134')"),
    ("Text 559.555.0134 or 1-559-555-0135.", "s.md:1:6: warning: this looks like a phone number ('559.555.0134')"),
    (
      "Mail jane.doe@gmail.com for notes.",
      "s.md:1:6: warning: this looks like an e-mail address ('jane.doe@gmail.com')"
    ),
    (
      "See case #2019-004512 for details.",
      "s.md:1:5: warning: this looks like a case or referral number ('case #2019-004512')"
    ),
    (
      "Referral number: R123456 came in.",
      "s.md:1:1: warning: this looks like a case or referral number ('Referral number: R123456')"
    ),
    (
      "ID 0123-4567-8901-2345678 in CWS/CMS.",
      "s.md:1:4: warning: this looks like a case or referral number ('0123-4567-8901-2345678')"
    ),
  ])
  func findsAnIdentifyingDetail(text: String, expected: String) {
    let found = Self.findings(text)
    #expect(found.first?.hasPrefix(expected) == true, "\(found)")
    #expect(found.first?.contains("remove it") == true)
  }

  @Test func reportsTheLineAndColumnInTheFile() {
    let found = Self.findings("---\ntitle: A story\n---\nFirst line.\n\nThen   (559) 555-0134 and 123-45-6789.\n")
    #expect(found.count == 2)
    #expect(found[0].hasPrefix("s.md:6:8: warning: this looks like a phone number"))
    #expect(found[1].hasPrefix("s.md:6:27: warning: this looks like a Social Security number"))
  }

  @Test func publishedContactsAndWebAddressesAreNotFindings() {
    #expect(Self.findings("Write to sop-central@example.org or SOP-Central@Example.org.").isEmpty)
    #expect(Self.findings("Call the academy at (661) 555-0100 or 661-555-0100.").isEmpty)
    #expect(Self.findings("Send your story to share@example.org.").isEmpty)
    #expect(Self.findings("See https://example.org/reports/559-555-0134/case-123456.pdf for the report.").isEmpty)
  }

  @Test func ordinaryPracticeProseIsNotAFinding() {
    let prose = """
      In 2019, 25,044 referrals came in and 82% needed a visit; by March 2020 the unit had 6,058.
      We scaled the worry at 4 on a 0-10 scale, and met from 9:30 to 11:00 on May 9, 2013.
      Case 1 was reopened in 2019; the case plan had 3 goals. A 30-60-90 day plan, 1-2-3 scaling.
      The CWS/CMS 2025 Quarter 3 extract, Vol. 26, No. 1, HB 630 and Room 3419B.
      The form Package@swift-6.0.swift and pg_dump@version-cluster.service are file names.
      Born in the 1980s, the practice grew; the toolkit was born on a Tuesday.
      """
    #expect(Self.findings(prose).isEmpty, "\(Self.findings(prose))")
  }

  @Test func checkWarnsOnEveryStoryAndNotOnGuides() throws {
    let site = try TemporarySite([
      "Content/stories/s.md": "---\ntitle: S\ndate: 2024-01-01\nsummary: A story.\n---\nCall (559) 555-0134.\n",
      "Content/stories/d.md":
        "---\ntitle: D\ndate: 2024-01-01\nsummary: A draft.\ndraft: true\n---\nDOB 1/2/2015.\n",
      "Content/guides/g.md": TemporarySite.guide("G", body: "Call the line at (559) 555-0199."),
    ])
    defer { site.remove() }
    let report = try SiteBuilder(project: site.project, options: BuildOptions(writeOutput: false)).buildInMemory()
      .report
    let lines = report.warnings.map(\.description)
    #expect(lines.contains { $0.hasPrefix("Content/stories/s.md:6:6: warning: this looks like a phone number") })
    #expect(lines.contains { $0.hasPrefix("Content/stories/d.md:7:1: warning: this looks like a date of birth") })
    #expect(!lines.contains { $0.hasPrefix("Content/guides/") })
  }

  @Test func theSampleStoriesHaveNoFindings() throws {
    let project = Project(base: TemporarySite.repository)
    // Drafts are scanned too: the check runs on every story whose front matter is read, built or not.
    let report = try SiteBuilder(project: project, options: BuildOptions(writeOutput: false))
      .buildInMemory().report
    #expect(report.warnings.filter { $0.message.hasPrefix("this looks like") }.isEmpty)
  }
}
