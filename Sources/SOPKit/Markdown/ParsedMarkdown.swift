/// One Markdown body as the Load stage leaves it: its HTML with a slot for each link into the site, and the
/// headings, text and links that Assemble resolves and checks once every page is known.
public struct ParsedMarkdown: Sendable, Equatable {
  /// A heading with its anchor id, for the table of contents and anchor checks.
  public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
  }

  /// The plain text under one heading (or before the first), for search.
  public struct Section: Sendable, Equatable {
    public var heading: Heading?
    public var text: String
  }

  /// A link or image whose address leads into the site, as the editor wrote it.
  struct Link: Sendable, Equatable {
    var url: String
    var isImage: Bool
    var location: SourceLocation
  }

  /// The address cmark is given for a link Assemble resolves, found again in the rendered HTML. Made of
  /// characters cmark writes into an `href` or `src` unescaped.
  static let slot = "sopkit:slot"
  private static let slotAttribute = Array("=\"\(slot)\"".utf8)

  /// The HTML between the slots: one more piece than `links`.
  var pieces: [String]
  /// In the order of their slots.
  var links: [Link]
  var headings: [Heading]
  var sections: [Section]
  /// The `id`s of raw HTML elements (with `allow_raw_html`), which links may lead to as to headings.
  var htmlAnchors: [String]

  /// Neither text nor any link or image: the page would be empty.
  var isEmpty: Bool { sections.allSatisfy { $0.text.isEmpty } && links.isEmpty }

  /// `html` cut at each slot: cmark writes a link's `href` (and an image's `src`) in the order the walk met them.
  init(
    html: UnsafeRawBufferPointer, links: [Link], headings: [Heading], sections: [Section], htmlAnchors: [String] = []
  ) {
    var pieces: [String] = []
    var start = 0
    var index = 0
    let marker = Self.slotAttribute
    while pieces.count < links.count, index + marker.count <= html.count {
      if html[index] == marker[0], html[index..<(index + marker.count)].elementsEqual(marker) {
        let valueStart = index + 2
        pieces.append(String(decoding: UnsafeRawBufferPointer(rebasing: html[start..<valueStart]), as: UTF8.self))
        index += marker.count
        start = index - 1
      } else {
        index += 1
      }
    }
    pieces.append(String(decoding: UnsafeRawBufferPointer(rebasing: html[start...]), as: UTF8.self))
    self.pieces = pieces
    self.links = links
    self.headings = headings
    self.sections = sections
    self.htmlAnchors = htmlAnchors
  }

  /// The HTML with each slot filled by the `href` given for its link, in order.
  func html(filling hrefs: [String]) -> String {
    var html = pieces[0]
    html.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + hrefs.reduce(0) { $0 + $1.utf8.count })
    for (href, piece) in zip(hrefs, pieces.dropFirst()) {
      Self.appendEscaped(href, to: &html)
      html += piece
    }
    return html
  }

  /// Bytes cmark writes into an `href` as they are; `&` and `'` become entities, every other byte `%XX`.
  private static let safeInHref: [Bool] = (0..<256).map { byte in
    let scalar = Unicode.Scalar(UInt8(byte))
    return (scalar.properties.isASCIIHexDigit || ("g"..."z").contains(scalar) || ("G"..."Z").contains(scalar))
      || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
  }

  /// `href` escaped exactly as cmark escapes a link's address, so a filled slot reads as if cmark wrote it.
  private static func appendEscaped(_ href: String, to html: inout String) {
    if href.utf8.allSatisfy({ safeInHref[Int($0)] }) {
      html += href
      return
    }
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    for byte in href.utf8 {
      if safeInHref[Int(byte)] {
        bytes.append(byte)
      } else if byte == UInt8(ascii: "&") {
        bytes += Array("&amp;".utf8)
      } else if byte == UInt8(ascii: "'") {
        bytes += Array("&#x27;".utf8)
      } else {
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      }
    }
    html += String(decoding: bytes, as: UTF8.self)
  }
}
