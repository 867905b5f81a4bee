import Foundation
import Hummingbird
import Logging

/// `sopkit serve`: builds the site in memory, serves it with Hummingbird on 127.0.0.1 unless told
/// otherwise, rebuilds when Content/, Templates/ or Public/ change and reloads open tabs.
public struct PreviewServer: Sendable {
  public var builder: SiteBuilder
  public var host: String
  /// 0 picks a free port; the `listening` event names the real one.
  public var port: Int
  public var pollInterval: Duration
  public var report: @Sendable (PreviewEvent) -> Void

  public init(
    builder: SiteBuilder, host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(200),
    report: @escaping @Sendable (PreviewEvent) -> Void
  ) {
    self.builder = builder
    self.host = host
    self.port = port
    self.pollInterval = pollInterval
    self.report = report
  }

  /// Builds, then serves until SIGINT or SIGTERM, when it stops gracefully.
  public func run() async throws {
    let events = ReloadEvents()
    let coordinator = RebuildCoordinator(builder: builder, events: events, report: report)
    await coordinator.rebuild()
    try await application(coordinator: coordinator, events: events, watching: true).runService()
  }

  func application(coordinator: RebuildCoordinator, events: ReloadEvents, watching: Bool)
    -> some ApplicationProtocol
  {
    let project = builder.project
    let watcher = ContentWatcher(
      folders: [project.content.url, project.templates.url, project.publicAssets.url]
        + (project.overlay.map { [$0.url] } ?? []),
      interval: pollInterval
    ) { saved in
      await coordinator.rebuild(saved: saved)
    }
    let host = self.host
    let report = self.report
    return Application(
      responder: PreviewResponder(coordinator: coordinator, events: events),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
      services: watching ? [watcher] : [],
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        let shown = host.contains(":") ? "[\(host)]" : host
        report(.listening(url: "http://\(shown):\(port)/"))
      },
      logger: Self.quietLogger)
  }

  /// Hummingbird's own request log stays off; the terminal shows builds and diagnostics.
  private static let quietLogger: Logger = {
    var logger = Logger(label: "sopkit.serve")
    logger.logLevel = .warning
    return logger
  }()
}
