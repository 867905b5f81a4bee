import NIOCore
import NIOHTTP1

/// Keeps each preview connection from being held open by a client: a request's head must arrive within
/// `headerTimeout` of the connection opening or of the last response ending, or the connection is closed; and a
/// request that does not ask to keep the connection (HTTP/1.0 without keep-alive, `Connection: close`) gets it
/// closed after its response, as tools like `ab` wait for.
///
/// It sits right after NIO's HTTP/1 decoder, where the request's version is still known.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias InboundOut = HTTPServerRequestPart
  typealias OutboundIn = HTTPServerResponsePart
  typealias OutboundOut = HTTPServerResponsePart

  private let headerTimeout: TimeAmount
  /// Requests whose head has arrived and whose response has not ended.
  private var unanswered = 0
  private var deadline: Scheduled<Void>?

  init(headerTimeout: TimeAmount) {
    self.headerTimeout = headerTimeout
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { startClock(context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) { stopClock() }

  func channelActive(context: ChannelHandlerContext) {
    startClock(context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    stopClock()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .head(var head) = unwrapInboundIn(data) else {
      context.fireChannelRead(data)
      return
    }
    unanswered += 1
    stopClock()
    // Hummingbird closes after a response only when the request says `Connection: close`.
    if !head.isKeepAlive { head.headers.replaceOrAdd(name: "Connection", value: "close") }
    context.fireChannelRead(wrapInboundOut(.head(head)))
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = unwrapOutboundIn(data) {
      unanswered -= 1
      if unanswered == 0 { startClock(context) }
    }
    context.write(data, promise: promise)
  }

  private func startClock(_ context: ChannelHandlerContext) {
    guard deadline == nil else { return }
    deadline = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) {
      context.close(promise: nil)
    }
  }

  private func stopClock() {
    deadline?.cancel()
    deadline = nil
  }
}
