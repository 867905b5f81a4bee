/// Where the Render and Search stages hand each file as soon as it is made: the Write stage's staging folder
/// for a build, or memory for `check`, `serve` and `bundle`. Neither stage knows which.
protocol FileSink: Sendable {
  func accept(_ file: RenderedFile)
}

extension FileSink {
  /// Hands `file` over and returns its path, for the stage's list of what it made.
  func put(_ file: RenderedFile) -> String {
    accept(file)
    return file.path
  }
}
