import CCmark
import Foundation
import Testing

@testable import SOPKit

@Suite struct CmarkArenaTests {
  let mem = CmarkArena.allocator.pointee

  /// Fills `count` bytes at `pointer` with a pattern that depends on `seed`, and checks it back.
  func fill(_ pointer: UnsafeMutableRawPointer, count: Int, seed: Int) {
    for offset in 0..<count {
      pointer.storeBytes(of: UInt8(truncatingIfNeeded: seed &* 31 &+ offset), toByteOffset: offset, as: UInt8.self)
    }
  }

  func holds(_ pointer: UnsafeMutableRawPointer, count: Int, seed: Int) -> Bool {
    (0..<count).allSatisfy {
      pointer.load(fromByteOffset: $0, as: UInt8.self) == UInt8(truncatingIfNeeded: seed &* 31 &+ $0)
    }
  }

  @Test func allocationsDoNotOverlapAndCallocZeroes() {
    defer { CmarkArena.current.reset() }
    var random = SplitMix64(seed: 7)
    var blocks: [(UnsafeMutableRawPointer, Int)] = []
    // Sizes across the small, block-crossing and large paths.
    for seed in 0..<3_000 {
      let count =
        seed % 100 == 0 ? Int.random(in: 70_000...300_000, using: &random) : Int.random(in: 1...3_000, using: &random)
      let pointer = mem.calloc(1, count)!
      #expect(Int(bitPattern: pointer) % 16 == 0)
      #expect((0..<count).allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == 0 })
      fill(pointer, count: count, seed: seed)
      blocks.append((pointer, count))
    }
    for (seed, (pointer, count)) in blocks.enumerated() { #expect(holds(pointer, count: count, seed: seed)) }
  }

  @Test func reallocKeepsTheContentsWhileGrowing() {
    defer { CmarkArena.current.reset() }
    // Two buffers growing in turn, as cmark's string buffers do, so neither is always the newest allocation.
    var first = mem.realloc(nil, 16)!
    var second = mem.realloc(nil, 16)!
    fill(first, count: 16, seed: 1)
    fill(second, count: 16, seed: 2)
    var size = 16
    while size < 1_000_000 {
      let grown = size + size / 2
      first = mem.realloc(first, grown)!
      fill(first.advanced(by: size), count: grown - size, seed: 1 &+ size)
      #expect(holds(first, count: size, seed: 1))
      second = mem.realloc(second, grown)!
      #expect(holds(second, count: size, seed: 2))
      fill(second, count: grown, seed: 2)
      fill(first, count: grown, seed: 1)
      size = grown
    }
    #expect(holds(first, count: size, seed: 1))
    #expect(holds(second, count: size, seed: 2))
    mem.free(first)
    mem.free(second)
  }

  @Test func freeingTheNewestAllocationGivesItsSpaceBack() {
    defer { CmarkArena.current.reset() }
    let kept = mem.calloc(1, 64)!
    let freed = mem.calloc(1, 64)!
    mem.free(freed)
    let next = mem.calloc(1, 64)!
    #expect(next == freed)
    #expect(next != kept)
  }

  /// Markdown of every block and inline kind but links and headings (which the renderer rewrites), sized so that
  /// cmark's buffers outgrow the arena's blocks.
  func document(paragraphs: Int, seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    let words = ["safety", "house", "network", "*worry*", "**danger**", "`plan`", "&amp;", "\"quoted\"", "café", "—"]
    var text = ""
    for index in 0..<paragraphs {
      let sentence = (0..<Int.random(in: 5...80, using: &random)).map { _ in words.randomElement(using: &random)! }
        .joined(separator: " ")
      switch index % 5 {
      case 0: text += sentence + "\n\n"
      case 1: text += "- " + sentence + "\n- second item\n  1. nested\n\n"
      case 2: text += "> " + sentence + "\n\n"
      case 3: text += "```\n" + sentence + "\n```\n\n"
      default: text += sentence + "  \nafter a line break\n\n"
      }
    }
    return text
  }

  @Test(arguments: [1, 40, 6_000])
  func rendersAsCmarkDoesWithMalloc(paragraphs: Int) {
    let markdown = document(paragraphs: paragraphs, seed: UInt64(paragraphs))
    var diagnostics = DiagnosticCollector()
    let parsed = MarkdownParser(allowRawHTML: false).parse(
      markdown[...], file: SourceFile(path: "Content/guides/a.md", text: markdown), firstLine: 1,
      diagnostics: &diagnostics)
    let expected = markdown.withCString { text in
      let html = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)!
      defer { free(html) }
      return String(cString: html)
    }
    #expect(parsed.pieces == [expected])
    #expect(paragraphs < 6_000 || expected.utf8.count > 1_000_000)
  }
}
