import Foundation

/// A small deterministic random source (xorshift64*), so that a seed names one sequence of sites on every machine.
struct FuzzRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 0x2545_F491_4F6C_DD1D
  }

  mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Damages a copy of a small site the way editors, template authors and file systems do: YAML constructs, Markdown
/// constructs, template tags, line breaks and file names, each chosen from what those formats allow or nearly allow.
struct SiteMutator {
  let root: URL
  var random: FuzzRandom
  /// What was done, for the report of a finding.
  private(set) var log: [String] = []

  init(root: URL, random: FuzzRandom) {
    self.root = root
    self.random = random
  }

  /// Applies one to four mutations.
  mutating func mutate() throws {
    for _ in 0...random.below(4) {
      switch random.below(5) {
      case 0: try mutateYAML()
      case 1: try mutateMarkdown()
      case 2: try mutateTemplate()
      case 3: try changeLineBreaks()
      default: try fileSystemTrick()
      }
    }
  }

  // MARK: - The kinds of mutation

  static let yamlPieces = [
    "key: &a [x, y]\nother: *a\n", "roles: [", "title: \"unclosed\n", "title: 'a''b'\n", "? complex\n: key\n",
    "\t- tab\n", "!!binary aGVsbG8=\n", "title: !!int x\n", "- \n- - -\n", "a: b: c\n", "title: \u{FEFF}x\n",
    "{a: [b, {c: d}]}\n", "%YAML 1.2\n---\n", "...\n", "---\n", "title: |\n  block\n   more\n", "title: >-\n",
    "roles: *undefined\n", "date: 2024-13-45\n", "title: \(String(repeating: "é", count: 3000))\n",
    String(repeating: "[", count: 600), String(repeating: "- ", count: 300) + "x\n", "region: central\n",
    "roles: [leaders, leaders, nobody]\n", "title: null\n", "title: ~\n", "draft: yes\n", "summary: \u{85}\n",
  ]

  static let markdownPieces = [
    "[a](safety-house.md) ", "[b](missing.md#nowhere) ", "![](images/house.svg)", "<script>alert(1)</script>",
    "# Heading\n", "> > > > quote\n", String(repeating: "> ", count: 2000) + "deep\n",
    String(repeating: "- ", count: 1500) + "list\n", "[ref]: safety-house.md\n[ref]\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "```\ncode\n", "<!-- comment", "&#0; &#xD800; &amp;", "[x](<safety house.md>)", "[x](../../../etc/passwd)",
    "[x](javascript:alert(1))", "\u{2028}", "\r", "\u{0}", "*a **b _c",
    String(repeating: "[l](safety-house.md)", count: 400),
  ]

  static let templatePieces = [
    "{{#a}}", "{{/a}}", "{{^a}}", "{{/b}}", "{{> partials/header}}", "{{> layout}}", "{{> partials/missing}}",
    "{{{content}}}", "{{&content}}", "{{=<% %>=}}", "<%={{ }}=%>", "{{! comment }}", "{{t.}}", "{{", "}}", "{{#",
    "{{t.", "{{>*x}}", "{{<layout}}{{$b}}x{{/b}}{{/layout}}", "{{%CONTENT_TYPE:TEXT}}", "{{a(b)}}", "{{.}}",
    "{{ }}", String(repeating: "{{#s}}", count: 250), String(repeating: "{{t.menu}}", count: 500), "\r", "\u{85}",
  ]

  private mutating func mutateYAML() throws {
    let files = try textFiles().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }
    guard !files.isEmpty else { return }
    let path = random.pick(files)
    var text = try read(path)
    let piece = random.pick(Self.yamlPieces)
    if path.hasSuffix(".md"), !text.isEmpty,
      let fence = text.range(of: "\n---", range: text.index(after: text.startIndex)..<text.endIndex)
    {
      // Into the front matter, before its closing fence.
      text.insert(contentsOf: "\n" + piece, at: fence.lowerBound)
    } else {
      text = insert(piece, into: text)
    }
    log.append("yaml \(path): \(piece.prefix(40).debugDescription)")
    try write(text, to: path)
  }

  private mutating func mutateMarkdown() throws {
    let files = try textFiles().filter { $0.hasSuffix(".md") }
    guard !files.isEmpty else { return }
    let path = random.pick(files)
    let piece = random.pick(Self.markdownPieces)
    log.append("markdown \(path): \(piece.prefix(40).debugDescription)")
    try write(insert(piece, into: try read(path)), to: path)
  }

  private mutating func mutateTemplate() throws {
    let files = try textFiles().filter { $0.hasSuffix(".mustache") }
    guard !files.isEmpty else { return }
    let path = random.pick(files)
    var text = try read(path)
    switch random.below(4) {
    case 0:
      let piece = random.pick(Self.templatePieces)
      text = insert(piece, into: text)
      log.append("template \(path): insert \(piece.prefix(40).debugDescription)")
    case 1:
      let scalars = Array(text.unicodeScalars)
      let cut = random.below(scalars.count + 1)
      text = String(String.UnicodeScalarView(scalars[..<cut]))
      log.append("template \(path): cut at \(cut)")
    case 2:
      let scalars = Array(text.unicodeScalars)
      let start = random.below(scalars.count + 1)
      let end = min(scalars.count, start + random.below(40))
      text = String(String.UnicodeScalarView(scalars[..<start] + scalars[end...]))
      log.append("template \(path): delete \(start)..<\(end)")
    default:
      let other = random.pick(files)
      let name = String(other.dropFirst("Templates/".count).dropLast(".mustache".count))
      text = insert("{{> \(name)}}", into: text)
      log.append("template \(path): include \(name)")
    }
    try write(text, to: path)
  }

  private mutating func changeLineBreaks() throws {
    let files = try textFiles()
    guard !files.isEmpty else { return }
    let path = random.pick(files)
    var text = try read(path)
    let replacement = random.pick(["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\n\r", "\u{B}", "\u{C}"])
    switch random.below(3) {
    case 0: text = text.replacingOccurrences(of: "\n", with: replacement)
    case 1: text = insert(replacement, into: text)
    default: while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
    }
    log.append("line breaks \(path): \(replacement.debugDescription)")
    try write(text, to: path)
  }

  private mutating func fileSystemTrick() throws {
    let manager = FileManager.default
    let guides = root.appendingPathComponent("Content/guides")
    switch random.below(7) {
    case 0:
      let name = random.pick([
        "a\nb.md", "tab\there.md", "esc\u{1B}[31m.md", "bell\u{7}.md", "ü-guide.md", " .md", "-.md",
      ])
      try Data("---\ntitle: T\nsummary: S\nroles: [leaders]\ntopics: [three-houses]\n---\nText.\n".utf8)
        .write(to: guides.appendingPathComponent(name))
      log.append("file named \(name.debugDescription)")
    case 1:
      try? manager.createSymbolicLink(
        atPath: guides.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
      log.append("symlink loop")
    case 2:
      try? manager.createSymbolicLink(
        atPath: guides.appendingPathComponent("out.md").path, withDestinationPath: "/etc/hostname")
      log.append("symlink outside")
    case 3:
      try? manager.createDirectory(at: guides.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
      log.append("folder named .md")
    case 4:
      let path = random.pick(try textFiles())
      try Data().write(to: root.appendingPathComponent(path))
      log.append("emptied \(path)")
    case 5:
      let path = random.pick(try textFiles())
      try? manager.removeItem(at: root.appendingPathComponent(path))
      log.append("removed \(path)")
    default:
      let path = random.pick(try textFiles())
      var data = try Data(contentsOf: root.appendingPathComponent(path))
      data.insert(random.pick([0xFF, 0xC3, 0xE2, 0x00]), at: random.below(data.count + 1))
      try data.write(to: root.appendingPathComponent(path))
      log.append("bad byte in \(path)")
    }
  }

  // MARK: - Files

  /// The text files of the site, relative to its root.
  func textFiles() throws -> [String] {
    var found: [String] = []
    for folder in ["Content", "Templates"] {
      let base = root.appendingPathComponent(folder)
      let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
      for path in paths.sorted()
      where path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".mustache") {
        var isFolder: ObjCBool = false
        let url = base.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
          found.append("\(folder)/\(path)")
        }
      }
    }
    return found
  }

  private func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
  }

  private func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
  }

  /// `piece` at a random place of `text`, at a line start half the time.
  private mutating func insert(_ piece: String, into text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    var at = random.below(scalars.count + 1)
    if random.chance(50) {
      while at > 0, scalars[at - 1] != "\n" { at -= 1 }
    }
    scalars.insert(contentsOf: piece.unicodeScalars, at: at)
    return String(String.UnicodeScalarView(scalars))
  }
}
