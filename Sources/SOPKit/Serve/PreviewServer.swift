import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `sopkit serve`: builds the site in memory, serves it with Hummingbird on 127.0.0.1 unless told
/// otherwise, rebuilds when Content/, Templates/ or Public/ change and reloads open tabs.
public struct PreviewServer: Sendable {
  /// Why the server could not start.
  public enum StartFailure: Error, Equatable {
    /// Another program listens on the port already.
    case portInUse(Int)
  }

  public var builder: SiteBuilder
  public var host: String
  /// 0 picks a free port; the `listening` event names the real one.
  public var port: Int
  public var pollInterval: Duration
  /// How long a connection may take to send a request's head, from opening or from the last response.
  public var headerTimeout: Duration
  public var report: @Sendable (PreviewEvent) -> Void

  public init(
    builder: SiteBuilder, host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(200),
    headerTimeout: Duration = .seconds(10), report: @escaping @Sendable (PreviewEvent) -> Void
  ) {
    self.builder = builder
    self.host = host
    self.port = port
    self.pollInterval = pollInterval
    self.headerTimeout = headerTimeout
    self.report = report
  }

  /// Takes the port, builds, then serves until SIGINT or SIGTERM, when it stops gracefully. The port is taken
  /// first, so a busy one fails at once rather than after a whole build; requests that come during the first
  /// build wait for it.
  public func run() async throws {
    let events = ReloadEvents()
    let coordinator = RebuildCoordinator(builder: builder, events: events, report: report)
    do {
      try await application(coordinator: coordinator, events: events, watching: true, buildFirst: true).runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw StartFailure.portInUse(port)
    }
  }

  func application(coordinator: RebuildCoordinator, events: ReloadEvents, watching: Bool, buildFirst: Bool = false)
    -> some ApplicationProtocol
  {
    let project = builder.project
    let watcher = ContentWatcher(
      folders: [project.content.url, project.templates.url, project.publicAssets.url]
        + (project.overlay.map { [$0.url] } ?? []),
      interval: pollInterval
    ) { _ in
      await coordinator.request()
    }
    let host = self.host
    let report = self.report
    return Application(
      responder: PreviewResponder(coordinator: coordinator, events: events),
      server: GuardedHTTP1Channel.server(headerTimeout: headerTimeout),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
      services: watching ? [watcher] : [],
      onServerRunning: { channel in
        if buildFirst { await coordinator.rebuild() }
        // Stopped during the first build: say nothing of an address that no longer answers.
        if Task.isShuttingDownGracefully { return }
        let port = channel.localAddress?.port ?? 0
        let shown = host.contains(":") ? "[\(host)]" : host
        report(.listening(url: "http://\(shown):\(port)/"))
      },
      logger: Self.silentLogger)
  }

  /// Hummingbird and its service group log nothing to the terminal (not even `Waiting on child channel:
  /// CancellationError()` on a normal stop): the terminal shows builds and diagnostics, and a failure to start
  /// is thrown.
  private static let silentLogger = Logger(label: "sopkit.serve") { _ in SwiftLogNoOpLogHandler() }
}
