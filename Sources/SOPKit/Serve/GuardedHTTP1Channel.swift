import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with a `ConnectionGuard` right after its request decoder.
struct GuardedHTTP1Channel: ServerChildChannel {
  let http1: HTTP1Channel
  let headerTimeout: TimeAmount

  /// The server `Application` runs: HTTP/1 with every connection guarded.
  static func server(headerTimeout: Duration) -> HTTPServerBuilder {
    let timeout = TimeAmount(headerTimeout)
    return HTTPServerBuilder { responder in
      GuardedHTTP1Channel(http1: HTTP1Channel(responder: responder), headerTimeout: timeout)
    }
  }

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
    let headerTimeout = self.headerTimeout
    return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
      let pipeline = channel.pipeline.syncOperations
      let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
      try pipeline.addHandler(ConnectionGuard(headerTimeout: headerTimeout), position: .after(decoder))
      return value
    }
  }

  func handle(value: HTTP1Channel.Value, logger: Logger) async {
    await http1.handle(value: value, logger: logger)
  }
}
