/// A kind of story ("Stories from the Field", "Tools from the Kit"), from `site.yaml`'s optional `categories:`.
public struct StoryCategory: Sendable, Hashable, Translatable {
  public var id: String
  public var name: String
  public var description: String
  /// The name and description in other languages, by language id.
  public var translations: [String: TranslatedText] = [:]
}
