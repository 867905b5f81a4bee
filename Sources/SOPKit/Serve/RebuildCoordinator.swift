import Dispatch

/// Rebuilds the site in memory and swaps in what the preview serves, so that work never piles up: at most one
/// build and one search-index build are under way at any moment.
///
/// Saves that come while a build runs are gathered into the one build after it, however many there are. Each
/// build reuses the last good one's cache, so a saved guide is parsed and rendered alone. The search index, which
/// depends on every page, is made after the pages are served, once no build has started for a moment; an index
/// made for a build that a newer one has replaced is dropped and made again for the newest. Builds run off the
/// actor, so requests are served meanwhile. A build that fails only for a reason of the computer's (out of open
/// files) leaves the last good site served, with no error page.
actor RebuildCoordinator {
  private let builder: SiteBuilder
  private let events: ReloadEvents
  private let report: @Sendable (PreviewEvent) -> Void
  private(set) var snapshot = PreviewSnapshot(generation: 0, files: [:], errorPage: nil)
  private var lastGood: BuiltSite?
  /// Rebuilds asked for so far, and how many of them the builds finished so far cover.
  private var requested = 0
  private var covered = 0
  private var waiters: [(request: Int, continuation: CheckedContinuation<Void, Never>)] = []
  private var building = false
  private var indexing = false
  /// Counts successful builds, so a search index made for an older one is dropped.
  private var buildNumber = 0
  /// Builds and search indexes started so far: a burst of saves must start few of either.
  private(set) var buildsStarted = 0
  private(set) var indexesStarted = 0

  init(builder: SiteBuilder, events: ReloadEvents, report: @escaping @Sendable (PreviewEvent) -> Void) {
    self.builder = builder
    self.events = events
    self.report = report
  }

  /// Asks for a rebuild and returns at once.
  func request() {
    requested += 1
    guard !building else { return }
    building = true
    Task { await buildUntilCurrent() }
  }

  /// Asks for a rebuild and returns once a build that started after the call is served.
  func rebuild() async {
    request()
    let ticket = requested
    guard covered < ticket else { return }
    await withCheckedContinuation { waiters.append((ticket, $0)) }
  }

  private func buildUntilCurrent() async {
    while covered < requested {
      let ticket = requested
      buildsStarted += 1
      await apply(await Self.build(builder, reusing: lastGood))
      covered = ticket
      let ready = waiters.filter { $0.request <= ticket }
      waiters.removeAll { $0.request <= ticket }
      for waiter in ready { waiter.continuation.resume() }
    }
    building = false
    indexWhenQuiet()
  }

  /// Makes the search index of the last good build, once no build has started for a moment (an index started
  /// between two saves of a burst would be out of date before it is done), when it has none of its own and none
  /// is under way.
  private func indexWhenQuiet() {
    let started = buildsStarted
    Task {
      try? await Task.sleep(for: Self.quietBeforeIndexing)
      if started == buildsStarted { indexIfStale() }
    }
  }

  private static let quietBeforeIndexing = Duration.milliseconds(300)

  private func indexIfStale() {
    guard !indexing, !building, let built = lastGood, !built.searchIndexIsCurrent else { return }
    indexing = true
    indexesStarted += 1
    let number = buildNumber
    Task {
      let start = ContinuousClock.now
      let indexed = await Self.searchIndex(of: built)
      finishIndex(indexed, number: number, seconds: (ContinuousClock.now - start) / .seconds(1))
    }
  }

  private func finishIndex(_ built: BuiltSite, number: Int, seconds: Double) {
    indexing = false
    if number == buildNumber {
      lastGood = built
      snapshot = PreviewSnapshot(
        generation: snapshot.generation, files: Self.files(of: built), errorPage: snapshot.errorPage)
      report(.indexed(seconds: seconds))
    }
    indexWhenQuiet()
  }

  // The two calls into the pipeline: a build reusing the last good one, and the search index made later.

  private static func build(_ builder: SiteBuilder, reusing previous: BuiltSite?) async
    -> Result<BuiltSite, BuildFailure>
  {
    await offThePool(.userInitiated) {
      Result { () throws(BuildFailure) -> BuiltSite in
        try builder.buildInMemory(reusing: previous?.cache, searchIndex: previous == nil)
      }
    }
  }

  private static func searchIndex(of built: BuiltSite) async -> BuiltSite {
    await offThePool(.utility) { built.withCurrentSearchIndex() }
  }

  /// Runs long CPU work on a Dispatch thread: on Swift's cooperative pool (one thread per core) it would
  /// hold up the watcher and the server's tasks for as long as it runs.
  private static func offThePool<Value: Sendable>(
    _ priority: DispatchQoS.QoSClass, _ work: @escaping @Sendable () -> Value
  ) async -> Value {
    await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: priority).async { continuation.resume(returning: work()) }
    }
  }

  private func apply(_ result: Result<BuiltSite, BuildFailure>) async {
    let generation = snapshot.generation + 1
    switch result {
    case .success(let built):
      lastGood = built
      buildNumber += 1
      snapshot = PreviewSnapshot(generation: generation, files: Self.files(of: built), errorPage: nil)
      report(.built(built.report))
    case .failure(let failure)
    where lastGood != nil && failure.diagnostics.allSatisfy { $0.severity != .error || $0.isSystemFailure }:
      // Nothing in the project is wrong: the pages stay as they were, and the next save tries again.
      report(.failed(failure.diagnostics))
      return
    case .failure(let failure):
      let page = BuildErrorPage.html(for: failure.diagnostics, lastGood: lastGood)
      snapshot = PreviewSnapshot(generation: generation, files: snapshot.files, errorPage: page)
      report(.failed(failure.diagnostics))
    }
    await events.announce(generation)
  }

  private static func files(of built: BuiltSite) -> [String: RenderedFile.Contents] {
    Dictionary(built.files.map { ($0.path, $0.contents) }) { _, last in last }
  }
}
