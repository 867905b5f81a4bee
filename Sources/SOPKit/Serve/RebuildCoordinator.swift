/// Rebuilds the site in memory, one build at a time, and swaps in what the preview serves.
///
/// A request for a rebuild while one runs is coalesced into a single rebuild after it, so a burst of
/// saves costs at most two builds. The build runs off the actor, so requests are served meanwhile.
actor RebuildCoordinator {
  private let builder: SiteBuilder
  private let events: ReloadEvents
  private let report: @Sendable (PreviewEvent) -> Void
  private(set) var snapshot = PreviewSnapshot(generation: 0, files: [:], errorPage: nil)
  private var lastGood: BuiltSite?
  private var running = false
  private var pending = false

  init(builder: SiteBuilder, events: ReloadEvents, report: @escaping @Sendable (PreviewEvent) -> Void) {
    self.builder = builder
    self.events = events
    self.report = report
  }

  /// Rebuilds now, or marks one more rebuild for after the one under way.
  func rebuild() async {
    if running {
      pending = true
      return
    }
    running = true
    repeat {
      pending = false
      let builder = self.builder
      let result = await Task.detached {
        Result { () throws(BuildFailure) -> BuiltSite in try builder.buildInMemory() }
      }.value
      await apply(result)
    } while pending
    running = false
  }

  private func apply(_ result: Result<BuiltSite, BuildFailure>) async {
    let generation = snapshot.generation + 1
    switch result {
    case .success(let built):
      lastGood = built
      let files = Dictionary(built.files.map { ($0.path, $0.contents) }) { _, last in last }
      snapshot = PreviewSnapshot(generation: generation, files: files, errorPage: nil)
      report(.built(built.report))
    case .failure(let failure):
      let page = BuildErrorPage.html(for: failure.diagnostics, lastGood: lastGood)
      snapshot = PreviewSnapshot(generation: generation, files: snapshot.files, errorPage: page)
      report(.failed(failure.diagnostics))
    }
    await events.announce(generation)
  }
}
