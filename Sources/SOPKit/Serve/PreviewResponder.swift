import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers preview requests from memory: the files of the last good build, the error page while the
/// latest build fails, 404.html for misses, and the live-reload script and events.
struct PreviewResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let coordinator: RebuildCoordinator
  let events: ReloadEvents

  func respond(to request: Request, context: Context) async throws -> Response {
    guard request.method == .get || request.method == .head else {
      return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
    }
    let rawPath = request.uri.path
    switch rawPath {
    case LiveReload.scriptPath:
      return respond(request, status: .ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8))
    case LiveReload.eventsPath:
      return await eventStream()
    default:
      break
    }
    let snapshot = await coordinator.snapshot
    guard let path = RequestPath.sitePath(for: rawPath) else { return notFound(request, snapshot) }
    if let page = snapshot.errorPage, ContentTypes.isHTML(path) { return errorPage(request, page, snapshot) }
    guard let contents = snapshot.files[path] else {
      if snapshot.files[path + "/index.html"] != nil {
        return Response(status: .found, headers: [.location: rawPath + "/", .cacheControl: "no-store"])
      }
      return notFound(request, snapshot)
    }
    guard var body = Self.read(contents) else { return notFound(request, snapshot) }
    if ContentTypes.isHTML(path) { body = LiveReload.inject(into: body, generation: snapshot.generation) }
    return respond(request, status: .ok, type: ContentTypes.type(for: path), body: body)
  }

  private func notFound(_ request: Request, _ snapshot: PreviewSnapshot) -> Response {
    if let page = snapshot.errorPage { return errorPage(request, page, snapshot) }
    guard let page = snapshot.files["404.html"].flatMap(Self.read) else {
      return Response(status: .notFound, headers: [.cacheControl: "no-store"])
    }
    let body = LiveReload.inject(into: LiveReload.baseAtRoot(page), generation: snapshot.generation)
    return respond(request, status: .notFound, type: ContentTypes.type(for: "404.html"), body: body)
  }

  private func errorPage(_ request: Request, _ page: Data, _ snapshot: PreviewSnapshot) -> Response {
    let body = LiveReload.inject(into: LiveReload.baseAtRoot(page), generation: snapshot.generation)
    return respond(request, status: .internalServerError, type: ContentTypes.type(for: "error.html"), body: body)
  }

  private func respond(_ request: Request, status: HTTPResponse.Status, type: String, body: Data) -> Response {
    let headers: HTTPFields = [.contentType: type, .contentLength: String(body.count), .cacheControl: "no-store"]
    guard request.method == .get else { return Response(status: status, headers: headers) }
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }

  private func eventStream() async -> Response {
    let stream = await events.subscribe()
    let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
        for await generation in stream.cancelOnGracefulShutdown() {
          try await writer.write(ByteBuffer(string: ReloadEvents.event(generation)))
        }
        try await writer.finish(nil)
      })
  }

  private static func read(_ contents: RenderedFile.Contents) -> Data? {
    switch contents {
    case .bytes(let data): data
    case .copy(let url): try? Data(contentsOf: url)
    }
  }
}
