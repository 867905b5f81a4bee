import CCmark
import Foundation
import Testing

@testable import SOPKit

/// The reference renderers the Markdown tests compare sopkit with: Debian's `cmark` and `cmark-gfm`
/// (installed by `.ci/install`, used by tests only), and sopkit's own tree rendered the same way.
enum ReferenceMarkdown {
  /// Example Markdown shipped by Debian's golang-github-yuin-goldmark-dev (installed by `.ci/install`): the
  /// CommonMark spec's examples and GFM's extension examples, read at test time, never copied here.
  static let goldmark = "/usr/share/gocode/src/github.com/yuin/goldmark"

  /// `cmark-gfm --smart --unsafe` with the given extensions; nil when the program is missing.
  static func cmarkGFM(_ markdown: String, extensions: [String]) -> String? {
    run("/usr/bin/cmark-gfm", ["--smart", "--unsafe"] + extensions.flatMap { ["--extension", $0] }, markdown)
  }

  /// `cmark --smart --unsafe`, the CommonMark reference; nil when the program is missing.
  static func cmark(_ markdown: String) -> String? {
    run("/usr/bin/cmark", ["--smart", "--unsafe"], markdown)
  }

  /// sopkit's tree (tables and the other extensions built in, before links and headings are rewritten),
  /// rendered as cmark renders it with raw HTML kept.
  static func sopkit(_ markdown: String) -> String {
    let arena = CmarkArena.current
    defer { arena.reset() }
    let (document, _) = MarkdownParser.parseDocument(markdown[...])
    return String(cString: cmark_render_html(document, CMARK_OPT_UNSAFE)!)
  }

  /// Expects sopkit to render `markdown` element by element as cmark-gfm does with `extensions`.
  static func expectSameElements(
    _ markdown: String, extensions: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let reference = cmarkGFM(markdown, extensions: extensions) else {
      Issue.record("cmark-gfm is missing: run .ci/install", sourceLocation: sourceLocation)
      return
    }
    let ours = sopkit(markdown)
    #expect(
      elements(ours) == elements(reference), "\(markdown)\n--- sopkit:\n\(ours)\n--- cmark-gfm:\n\(reference)",
      sourceLocation: sourceLocation)
  }

  /// The elements of an HTML fragment, one tag or trimmed text run each, with sopkit's table markup written
  /// as cmark-gfm writes it (no scrolling box, no `scope`, `align` for the alignment classes, no English
  /// `aria-label` on footnotes' links back), and curly quotes
  /// straightened: cmark-gfm 0.29 and cmark 0.30 curl a few quotes differently.
  static func elements(_ html: String) -> [String] {
    var html = html.replacingOccurrences(of: "<div class=\"table-scroll\" tabindex=\"0\">", with: "")
    html = html.replacingOccurrences(of: "</table>\n</div>", with: "</table>")
    html = html.replacingOccurrences(of: " scope=\"col\"", with: "")
    html = html.replacingOccurrences(of: " aria-label=\"Back to content\"", with: "")
    html = html.replacingOccurrences(
      of: " class=\"align-(left|center|right)\"", with: " align=\"$1\"", options: .regularExpression)
    var elements: [String] = []
    var rest = html[...]
    while !rest.isEmpty {
      if rest.first == "<", let end = rest.firstIndex(of: ">") {
        elements.append(String(rest[...end]))
        rest = rest[rest.index(after: end)...]
      } else {
        let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
        let text = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty {
          elements.append(
            text.replacingOccurrences(of: "[‘’]", with: "'", options: .regularExpression)
              .replacingOccurrences(of: "[“”]", with: "\"", options: .regularExpression))
        }
        rest = rest[end...]
      }
    }
    return elements
  }

  /// The Markdown inputs of a goldmark example file (`//- - -//` markdown `//- - -//` html `//= = =//`).
  static func goldmarkExamples(_ relativePath: String) -> [String]? {
    guard let text = try? String(contentsOfFile: goldmark + "/" + relativePath, encoding: .utf8) else { return nil }
    var examples: [String] = []
    for block in text.components(separatedBy: "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
      let parts = block.components(separatedBy: "//- - - - - - - - -//\n")
      if parts.count >= 3 { examples.append(parts[1]) }
    }
    return examples
  }

  private static func run(_ program: String, _ arguments: [String], _ input: String) -> String? {
    guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    guard (try? process.run()) != nil else { return nil }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
  }
}
