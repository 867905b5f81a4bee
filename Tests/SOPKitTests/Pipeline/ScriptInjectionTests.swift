import Foundation
import Testing

@testable import SOPKit

/// Hostile words in front matter and Markdown reach a reader as text, never as markup or script.
@Suite struct ScriptInjectionTests {
  static let attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

  @Test func frontMatterAndMarkdownNeverBecomeScript() throws {
    let site = try TemporarySite([
      "Content/guides/attack.md": """
      ---
      title: '\(Self.attack)'
      summary: '\(Self.attack)'
      roles: [line-staff]
      tags: ['\(Self.attack)']
      ---
      ## Heading \(Self.attack)

      [one](javascript:alert(3)) [two](JAVASCRIPT:alert(4)) [three](data:text/html;base64,PHNjcmlwdD4=)
      [four](vbscript:msgbox) <javascript:alert(5)> [five](<javascript:alert(6)>)

      <script>alert(8)</script>

      <a href="javascript:alert(9)">raw</a> <img src=x onerror=alert(10)> ![pic](javascript:alert(11))
      """,
      "Content/stories/attack.md": """
      ---
      title: '\(Self.attack)'
      date: 2024-01-01
      summary: '\(Self.attack)'
      county: '\(Self.attack)'
      category: '\(Self.attack)'
      ---
      Text.
      """,
    ])
    defer { site.remove() }
    _ = try site.build()
    let output = site.root.appendingPathComponent("Output")
    let pages = FileManager.default.enumerator(atPath: output.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
    #expect(pages.count > 10)
    for page in pages {
      let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
      let lowered = text.lowercased()
      // Escaped text such as `&lt;img src=x onerror=…` is harmless; only live markup and addresses count.
      #expect(!lowered.contains("<script>alert"), "\(page)")
      #expect(!lowered.contains("<img src=x"), "\(page)")
      for attribute in ["href", "src"] {
        for scheme in ["javascript:", "vbscript:", "data:"] {
          #expect(!lowered.contains("\(attribute)=\"\(scheme)"), "\(page): \(attribute)=\(scheme)")
        }
      }
    }
    let guide = try site.output("guides/attack.html")
    #expect(guide.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test func anEntityHiddenSchemeIsABrokenLinkNotAnAddress() throws {
    let site = try TemporarySite([
      "Content/guides/a.md": TemporarySite.guide("A", body: "[six](java&#x09;script:alert(7))")
    ])
    defer { site.remove() }
    #expect(site.failure().contains { $0.contains("error: the link 'java\\tscript:alert(7)' leads to") })
  }

  @Test func scriptAddressesInSiteSettingsAreRefused() throws {
    let site = try TemporarySite([
      "Content/site.yaml": TemporarySite.siteYAML + "\nsubmit_url: javascript:alert(1)\n"
    ])
    defer { site.remove() }
    #expect(site.failure().contains { $0.contains("'submit_url' must be a web address") })
  }
}
