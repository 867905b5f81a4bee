import Foundation
import Testing

@testable import SOPKit

/// Markdown written elsewhere: Node.js's API documentation (64 interlinked files, from Debian's nodejs-doc,
/// installed by `.ci/install`), turned into guides by `Tests/Corpus/node_api_docs.py` at test time.
@Suite struct RealCorpusTests {
  /// Every problem the build reports in that corpus, each a link that is broken on GitHub's view of the files
  /// too: anchors Node's own doc tool makes (`_1` for a repeated heading, where GitHub makes `-1`, and ids of
  /// deprecation codes), and links to headings that do not exist.
  static let realProblems = [
    // Written for Node's doc tool: the deprecation's heading is "DEP0111: `process.binding()`".
    "Content/guides/deprecations.md: error: the link '#DEP0111' leads to Content/guides/deprecations.md, which has no heading with the anchor 'DEP0111'",
    // Node's doc tool numbers a repeated heading `_1`; GitHub (and sopkit) `-1`.
    "Content/guides/deprecations.md: error: the link 'process.md#processexitcode_1' leads to Content/guides/process.md, which has no heading with the anchor 'processexitcode_1' (did you mean 'processexitcode-1'?)",
    "Content/guides/net.md: error: the link '#event-error_1' leads to Content/guides/net.md, which has no heading with the anchor 'event-error_1' (did you mean 'event-error-1'?)",
    "Content/guides/net.md: error: the link '#event-error_1' leads to Content/guides/net.md, which has no heading with the anchor 'event-error_1' (did you mean 'event-error-1'?)",
    "Content/guides/process.md: error: the link '#processexitcode_1' leads to Content/guides/process.md, which has no heading with the anchor 'processexitcode_1' (did you mean 'processexitcode-1'?)",
    "Content/guides/process.md: error: the link '#processexitcode_1' leads to Content/guides/process.md, which has no heading with the anchor 'processexitcode_1' (did you mean 'processexitcode-1'?)",
    "Content/guides/process.md: error: the link '#processexitcode_1' leads to Content/guides/process.md, which has no heading with the anchor 'processexitcode_1' (did you mean 'processexitcode-1'?)",
    "Content/guides/process.md: error: the link '#processexitcode_1' leads to Content/guides/process.md, which has no heading with the anchor 'processexitcode_1' (did you mean 'processexitcode-1'?)",
    "Content/guides/worker-threads.md: error: the link '#workerthreadid_1' leads to Content/guides/worker-threads.md, which has no heading with the anchor 'workerthreadid_1' (did you mean 'workerthreadid-1'?)",
    "Content/guides/worker-threads.md: error: the link '#event-message_1' leads to Content/guides/worker-threads.md, which has no heading with the anchor 'event-message_1' (did you mean 'event-message-1'?)",
    // esm.md's heading is "Resolution Algorithm Specification".
    "Content/guides/modules.md: error: the link 'esm.md#resolver-algorithm-specification' leads to Content/guides/esm.md, which has no heading with the anchor 'resolver-algorithm-specification' (did you mean 'resolution-algorithm-specification'?)",
    "Content/guides/modules.md: error: the link 'esm.md#resolver-algorithm-specification' leads to Content/guides/esm.md, which has no heading with the anchor 'resolver-algorithm-specification' (did you mean 'resolution-algorithm-specification'?)",
    "Content/guides/modules.md: error: the link 'esm.md#resolver-algorithm-specification' leads to Content/guides/esm.md, which has no heading with the anchor 'resolver-algorithm-specification' (did you mean 'resolution-algorithm-specification'?)",
    // module.md's heading is `sourceMap.findEntry(lineOffset, columnOffset)`.
    "Content/guides/modules.md: error: the link 'module.html#sourcemapfindentrylinenumber-columnnumber' leads to Content/guides/module.md, which has no heading with the anchor 'sourcemapfindentrylinenumber-columnnumber' (did you mean 'sourcemapfindoriginlinenumber-columnnumber'?)",
  ]

  /// A project holding the corpus as guides.
  func corpus() throws -> TemporarySite {
    let site = try TemporarySite([:])
    let script = Process()
    script.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    script.arguments = [
      TemporarySite.repository.appendingPathComponent("Tests/Corpus/node_api_docs.py").path, site.root.path,
    ]
    script.standardOutput = FileHandle.nullDevice
    try script.run()
    script.waitUntilExit()
    #expect(script.terminationStatus == 0, "nodejs-doc is missing: run .ci/install")
    return site
  }

  func guides(in site: TemporarySite) throws -> [URL] {
    let folder = site.root.appendingPathComponent("Content/guides")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
  }

  @Test func buildsWithNoFalseAlarms() throws {
    let site = try corpus()
    defer { site.remove() }
    #expect(try guides(in: site).count >= 50)
    let printed = site.failure().map {
      $0.replacingOccurrences(of: #":\d+:\d+: "#, with: ": ", options: .regularExpression)
    }
    #expect(printed.sorted() == Self.realProblems.sorted())
  }

  /// Each file of the corpus, tables, strikethrough, footnotes and raw HTML included, renders element by element as
  /// `cmark-gfm` with those extensions renders it.
  @Test func rendersAsCmarkGFMDoes() throws {
    let site = try corpus()
    defer { site.remove() }
    var tables = 0
    for guide in try guides(in: site) {
      let text = try String(contentsOf: guide, encoding: .utf8)
      let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
      let ours = ReferenceMarkdown.elements(ReferenceMarkdown.sopkit(body))
      let reference = try #require(
        ReferenceMarkdown.cmarkGFM(body, extensions: ["table", "strikethrough", "footnotes"]), "run .ci/install")
      let theirs = ReferenceMarkdown.elements(reference)
      tables += theirs.filter { $0 == "<table>" }.count
      if ours != theirs {
        let index =
          zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ours.count, theirs.count)
        Issue.record(
          "\(guide.lastPathComponent) differs at element \(index): \(ours[index...].prefix(8)) vs \(theirs[index...].prefix(8))"
        )
      }
    }
    #expect(tables >= 10)
  }
}
