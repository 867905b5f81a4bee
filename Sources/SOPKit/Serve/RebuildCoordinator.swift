import Dispatch

/// Rebuilds the site in memory, one build at a time, and swaps in what the preview serves.
///
/// A request for a rebuild while one runs is coalesced into a single rebuild after it, so a burst of
/// saves costs at most two builds. Each build reuses the last good one and is told every file saved since
/// it, so a saved guide is parsed and rendered alone; the search index, which depends on every page, is
/// rebuilt after the pages are served. Builds run off the actor, so requests are served meanwhile.
actor RebuildCoordinator {
  private let builder: SiteBuilder
  private let events: ReloadEvents
  private let report: @Sendable (PreviewEvent) -> Void
  private(set) var snapshot = PreviewSnapshot(generation: 0, files: [:], errorPage: nil)
  private var lastGood: BuiltSite?
  private var running = false
  private var pending = false
  /// Counts successful builds, so a search index made for an older one is dropped.
  private var buildNumber = 0
  /// Files saved since the last good build and not yet in a build under way; nil when not known.
  private var saved: Set<String>? = []

  init(builder: SiteBuilder, events: ReloadEvents, report: @escaping @Sendable (PreviewEvent) -> Void) {
    self.builder = builder
    self.events = events
    self.report = report
  }

  /// Rebuilds now, or marks one more rebuild for after the one under way; `saved` names the files saved
  /// since the last request (nil: not known, so the build reads everything).
  func rebuild(saved newlySaved: Set<String>? = nil) async {
    saved = newlySaved.flatMap { newlySaved in saved?.union(newlySaved) }
    if running {
      pending = true
      return
    }
    running = true
    repeat {
      pending = false
      let builder = self.builder
      let previous = lastGood
      let taken = saved
      saved = []
      let result = await Self.offThePool(.userInitiated) {
        Result { () throws(BuildFailure) -> BuiltSite in
          try builder.buildInMemory(reusing: previous?.cache, searchIndex: previous == nil)
        }
      }
      // A failed build leaves the last good one as the base, so its saves count again next time.
      if case .failure = result { saved = taken.flatMap { taken in saved?.union(taken) } }
      await apply(result)
    } while pending
    running = false
    if let built = lastGood, !built.searchIndexIsCurrent { updateSearchIndex(of: built, number: buildNumber) }
  }

  private func updateSearchIndex(of built: BuiltSite, number: Int) {
    Task {
      let updated = await Self.offThePool(.utility) { built.withCurrentSearchIndex() }
      replaceSearchIndex(with: updated, number: number)
    }
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

  private func replaceSearchIndex(with built: BuiltSite, number: Int) {
    guard number == buildNumber else { return }
    lastGood = built
    snapshot = PreviewSnapshot(
      generation: snapshot.generation, files: Self.files(of: built), errorPage: snapshot.errorPage)
  }

  private func apply(_ result: Result<BuiltSite, BuildFailure>) async {
    let generation = snapshot.generation + 1
    switch result {
    case .success(let built):
      lastGood = built
      buildNumber += 1
      snapshot = PreviewSnapshot(generation: generation, files: Self.files(of: built), errorPage: nil)
      report(.built(built.report))
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
