/// The one error for stories that name regions when there is no contacts.yaml to list them, in place of an
/// "unknown region" in every story.
enum MissingContacts {
  /// Reports the missing file once and takes the regions out of `stories`, so none is reported again as unknown.
  static func check(
    _ stories: inout [LoadedContent.Page<StoryFrontMatter>], contactsPath: String,
    diagnostics: inout DiagnosticCollector
  ) {
    let naming = stories.indices.filter { stories[$0].frontMatter.region != nil }
    guard let first = naming.first, let region = stories[first].frontMatter.region else { return }
    let others = naming.count > 1 ? " and \(naming.count - 1) other \(naming.count == 2 ? "story" : "stories")" : ""
    diagnostics.error(
      "the file is missing, but stories name regions it should list ('\(region.value)' at \(region.location)\(others)); create contacts.yaml with a 'regions:' list",
      at: SourceLocation(path: contactsPath))
    for index in naming { stories[index].frontMatter.region = nil }
  }
}
