import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 client for a server on 127.0.0.1: one blocking socket per request, the request
/// target sent exactly as written (no `..` or percent normalisation, unlike URLSession), redirects
/// never followed, and the response read until the server closes the connection.
///
/// The socket work runs on its own thread, so a slow server never blocks Swift's cooperative pool,
/// which the server under test needs to answer.
struct RawHTTPClient: Sendable {
  let port: Int
  /// Seconds each send and receive may wait.
  var timeout = 5

  func get(_ target: String) async throws -> RawHTTPResponse { try await request("GET", target) }

  func request(_ method: String, _ target: String) async throws -> RawHTTPResponse {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try exchange(method, target) }) }.start()
    }
  }

  private func exchange(_ method: String, _ target: String) throws -> RawHTTPResponse {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
      setsockopt(fd, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
    let head =
      "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    let request = Array(head.utf8)
    guard send(fd, request, request.count, 0) == request.count else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
      let count = recv(fd, &buffer, buffer.count, 0)
      if count == 0 { break }
      guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      response += buffer[0..<count]
    }
    return try RawHTTPResponse(parsing: response)
  }
}
