/// What `sopkit serve` tells the terminal: where it listens and how each rebuild went.
public enum PreviewEvent: Sendable {
  case listening(url: String)
  case built(BuildReport)
  case failed([Diagnostic])
}
