import Dispatch

/// Work started on another thread while the caller goes on with its own; `result` waits for it.
///
/// The build makes the search index this way while it renders the pages, so the index's serial parts
/// run on a core the page rendering leaves idle.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once by the worker before it signals, read only after the wait.
  private var value: Value?

  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async {
      self.value = work()
      self.done.signal()
    }
  }

  var result: Value {
    done.wait()
    done.signal()
    return value!
  }
}
