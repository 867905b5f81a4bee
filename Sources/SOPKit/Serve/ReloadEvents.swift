/// Tells every open preview tab the generation of the latest build, as Server-Sent Events.
actor ReloadEvents {
  private var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
  private var nextID = 0
  private var latest = 0

  /// A stream that starts with the latest generation and then yields each new one until the tab goes away.
  func subscribe() -> AsyncStream<Int> {
    let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
    let id = nextID
    nextID += 1
    subscribers[id] = continuation
    continuation.onTermination = { _ in Task { await self.remove(id) } }
    continuation.yield(latest)
    return stream
  }

  func announce(_ generation: Int) {
    latest = generation
    for continuation in subscribers.values { continuation.yield(generation) }
  }

  private func remove(_ id: Int) { subscribers[id] = nil }

  /// One event in the `text/event-stream` format.
  static func event(_ generation: Int) -> String { "event: build\ndata: \(generation)\n\n" }
}
