import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plain HTTP requests to a local server, with time limits: URLSession for pages, a raw socket for
/// paths URLSession would normalise (`/../`), and a collector for Server-Sent Events.
enum HTTPFetch {
  struct Page {
    var status: Int
    var body: String
  }

  static func get(_ url: URL, timeout: Double = 5) -> Page? {
    var request = URLRequest(url: url)
    request.timeoutInterval = timeout
    request.cachePolicy = .reloadIgnoringLocalCacheData
    nonisolated(unsafe) var page: Page?
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, _ in
      if let response = response as? HTTPURLResponse {
        page = Page(status: response.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self))
      }
      done.signal()
    }.resume()
    _ = done.wait(timeout: .now() + timeout + 1)
    return page
  }

  /// The status code of `GET rawPath`, sent exactly as written.
  static func rawStatus(port: Int, rawPath: String) throws -> Int? {
    guard let fd = connection(port: port) else { return nil }
    defer { close(fd) }
    let request = Array("GET \(rawPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    guard send(fd, request, request.count, 0) == request.count else { return nil }
    var response = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(fd, &buffer, buffer.count, 0)
      if count <= 0 { break }
      response += buffer[0..<count]
    }
    let statusLine = String(decoding: response, as: UTF8.self).split(separator: "\r\n").first ?? ""
    return statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
  }

  /// A socket connected to 127.0.0.1:`port` (receives wait at most 5 s), for the caller to close; nil if refused.
  static func connection(port: Int) -> Int32? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var limit = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(fd)
      return nil
    }
    return fd
  }

  /// Collects the text of a Server-Sent Events stream as it arrives.
  final class EventCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var session: URLSession?

    init(_ url: URL) {
      super.init()
      let session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
      self.session = session
      var request = URLRequest(url: url)
      request.timeoutInterval = 60
      session.dataTask(with: request).resume()
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
      lock.withLock { self.data.append(data) }
    }

    func cancel() { session?.invalidateAndCancel() }
  }
}
