import Foundation

/// An HTTP/1.1 response as read off the wire by `RawHTTPClient`: status, headers and the body bytes.
struct RawHTTPResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  var text: String { String(decoding: body, as: UTF8.self) }

  /// The first header called `name`, compared case-insensitively.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// Parses everything the server sent before closing the connection; the body is what follows the
  /// head, decoded when chunked, and never trimmed to `Content-Length` (so a HEAD body would show).
  init(parsing bytes: [UInt8]) throws {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    guard let end = bytes.firstRange(of: separator) else { throw POSIXError(.EBADMSG) }
    let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let statusLine = lines[0].split(separator: " ")
    guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
      throw POSIXError(.EBADMSG)
    }
    self.status = status
    headers = lines.dropFirst().compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    body = Array(bytes[end.upperBound...])
    if header("Transfer-Encoding")?.lowercased() == "chunked" { body = try Self.dechunk(body) }
  }

  private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
    var result: [UInt8] = []
    var rest = bytes[...]
    while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)) {
      let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
        throw POSIXError(.EBADMSG)
      }
      if size == 0 { return result }
      let start = lineEnd.upperBound
      guard rest.endIndex - start >= size + 2 else { throw POSIXError(.EBADMSG) }
      result += rest[start..<start + size]
      rest = rest[(start + size + 2)...]
    }
    throw POSIXError(.EBADMSG)
  }
}
