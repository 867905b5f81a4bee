/// What `sopkit serve` tells the terminal: where it listens, how each rebuild went and when the search index
/// caught up with the pages.
public enum PreviewEvent: Sendable {
  case listening(url: String)
  case built(BuildReport)
  case failed([Diagnostic])
  case indexed(seconds: Double)
}
