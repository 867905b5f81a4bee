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

  /// Frees `value` on another thread, so that the caller need not wait for it (nor a process that exits meanwhile):
  /// the caller passes its last reference, so the copy queued here is in all likelihood the last one.
  static func release(_ value: consuming Value) {
    DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
  }

  var result: Value {
    done.wait()
    done.signal()
    return value!
  }
}
