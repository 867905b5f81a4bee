import Foundation
import Testing

@testable import SOPKit

@Suite struct FrontMatterTests {
  @Test func splitsFrontMatterFromBodyKeepingLineNumbers() throws {
    let file = SourceFile(path: "x.md", text: "---\ntitle: A\nsummary: B\n---\n# Body\n")
    let parts = try FrontMatter.split(file)
    #expect(parts.yaml == "title: A\nsummary: B\n")
    #expect(parts.body == "# Body\n")
    #expect(parts.bodyFirstLine == 5)
  }

  @Test func acceptsWindowsLineEndingsAndTrailingSpaces() throws {
    let file = SourceFile(path: "x.md", text: "--- \r\ntitle: A\r\n---\r\nBody\r\n")
    let parts = try FrontMatter.split(file)
    #expect(parts.yaml == "title: A\r\n")
    #expect(parts.body == "Body\r\n")
  }

  @Test func reportsMissingFrontMatterAtLineOne() {
    let file = SourceFile(path: "Content/guides/x.md", text: "# Just a heading\n")
    #expect(throws: BuildFailure.self) { try FrontMatter.split(file) }
    do {
      _ = try FrontMatter.split(file)
    } catch {
      #expect(
        error.diagnostics.first?.description.hasPrefix(
          "Content/guides/x.md:1:1: error: the file must start with front matter") == true)
    }
  }

  @Test func reportsUnclosedFrontMatter() {
    let file = SourceFile(path: "x.md", text: "---\ntitle: A\n")
    do {
      _ = try FrontMatter.split(file)
      Issue.record("expected a failure")
    } catch {
      #expect(error.diagnostics.first?.message.contains("never closed") == true)
    }
  }

  @Test func rejectsInvalidUTF8AtTheBadByte() {
    let bytes: [UInt8] = Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8)
    do {
      _ = try SourceFile.decode(Data(bytes), displayPath: "x.md")
      Issue.record("expected a failure")
    } catch {
      #expect(
        error.diagnostics.first?.description
          == "x.md:2:11: error: the file is not UTF-8 text; save it with UTF-8 encoding")
    }
  }

  @Test func rejectsNULBytes() {
    let bytes: [UInt8] = Array("---\n".utf8) + [0x41, 0x00]
    #expect(throws: BuildFailure.self) { try SourceFile.decode(Data(bytes), displayPath: "x.md") }
  }
}
