import Foundation
import Glibc

/// A tiny HTTP/1.1 client for a server on 127.0.0.1: one blocking socket per request, the request
/// target sent exactly as written (no `..` or percent normalisation, unlike URLSession), redirects
/// never followed, and the response read until the server closes the connection.
///
/// The socket work runs on its own thread, so a slow server never blocks Swift's cooperative pool,
/// which the server under test needs to answer.
struct RawHTTPClient: Sendable {
  let port: Int
  /// Seconds each send and receive may wait.
  var timeout = 20

  func get(_ target: String) async throws -> RawHTTPResponse { try await request("GET", target) }

  func request(_ method: String, _ target: String) async throws -> RawHTTPResponse {
    try await onThread { try exchange(method, target) }
  }

  /// Sends `head` exactly as written and returns everything the server sent before closing the connection;
  /// throws when it does not close it within `timeout` seconds.
  func exchange(head: String) async throws -> [UInt8] {
    try await onThread {
      let fd = try connected()
      defer { close(fd) }
      let request = Array(head.utf8)
      guard send(fd, request, request.count, 0) == request.count else { throw Self.lastError() }
      return try readToEnd(fd)
    }
  }

  /// Sends `head` one byte every `pause` until the server closes the connection or every byte is sent; returns
  /// how many bytes went out before the server closed it, or nil if it never did.
  func trickle(_ head: String, pause: Duration) async throws -> Int? {
    try await onThread {
      let fd = try connected()
      defer { close(fd) }
      for (count, byte) in head.utf8.enumerated() {
        var peek: UInt8 = 0
        if recv(fd, &peek, 1, Int32(MSG_DONTWAIT | MSG_PEEK)) == 0 { return count }
        if send(fd, [byte], 1, Int32(MSG_NOSIGNAL)) != 1 { return count }
        Thread.sleep(forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
      }
      return nil
    }
  }

  private func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try work() }) }.start()
    }
  }

  private func exchange(_ method: String, _ target: String) throws -> RawHTTPResponse {
    let fd = try connected()
    defer { close(fd) }
    let head =
      "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    let request = Array(head.utf8)
    guard send(fd, request, request.count, 0) == request.count else { throw Self.lastError() }
    return try RawHTTPResponse(parsing: try readToEnd(fd))
  }

  /// A socket connected to the server, each send and receive limited to `timeout` seconds.
  private func connected() throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Self.lastError() }
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
      setsockopt(fd, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      let error = Self.lastError()
      close(fd)
      throw error
    }
    return fd
  }

  /// Everything the server sends until it closes the connection.
  private func readToEnd(_ fd: Int32) throws -> [UInt8] {
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
      let count = recv(fd, &buffer, buffer.count, 0)
      if count == 0 { return response }
      guard count > 0 else { throw Self.lastError() }
      response += buffer[0..<count]
    }
  }

  private static func lastError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
