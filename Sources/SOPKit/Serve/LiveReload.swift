import Foundation

/// The live-reload script of `sopkit serve` and its injection into HTML responses; `build` never adds it.
///
/// The page carries the build generation it was served from; the script reloads the page as soon as
/// the events endpoint announces another one, including after a reconnect that missed an event.
enum LiveReload {
  static let scriptPath = "/_sopkit/live-reload.js"
  static let eventsPath = "/_sopkit/events"

  static let script = """
    (function () {
      "use strict";
      var current = document.currentScript;
      var served = current ? current.getAttribute("data-build") : null;
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("build", function (event) {
        if (served !== null && event.data !== served) {
          source.close();
          window.location.reload();
        }
      });
    })();

    """

  /// `html` with the script tag before its last `</body>`, or at its end when there is none.
  static func inject(into html: Data, generation: Int) -> Data {
    let tag = Data("<script src=\"\(scriptPath)\" data-build=\"\(generation)\"></script>\n".utf8)
    var page = html
    if let close = lastRange(of: "</body>", in: page) {
      page.insert(contentsOf: tag, at: close.lowerBound)
    } else {
      page.append(tag)
    }
    return page
  }

  /// Pages served at another depth than they were written for (404.html for a miss in /guides/)
  /// resolve their relative links from the site root.
  static func baseAtRoot(_ html: Data) -> Data {
    guard let head = html.range(of: Data("<head>".utf8)) else { return html }
    var page = html
    page.insert(contentsOf: Data("\n<base href=\"/\">".utf8), at: head.upperBound)
    return page
  }

  private static func lastRange(of marker: String, in data: Data) -> Range<Data.Index>? {
    data.range(of: Data(marker.utf8), options: .backwards)
      ?? data.range(of: Data(marker.uppercased().utf8), options: .backwards)
  }
}
