/// The validated in-memory site: every page and list the renderer needs, cross-references resolved.
public struct Site: Sendable {
  public var settings: SiteSettings
  /// A to Z by title.
  public var guides: [Guide]
  /// Newest first.
  public var stories: [Story]
  /// In reading order.
  public var pages: [AboutPage]
  public var regions: [Region]
  /// A to Z by name.
  public var tags: [Tag]
  /// Content paths of the files pages link to, copied as they are.
  public var files: [String]
  /// Those of `files` that are copied from a county's overlay rather than from Content/.
  public var localFiles: Set<String> = []
  /// Which build this is, said on the home page and in the footer; set for bundles.
  public var stamp: BuildStamp? = nil

  public func guides(for role: Role) -> [Guide] { guides.filter { $0.roles.contains(role) } }
  public func guides(for topic: Topic) -> [Guide] { guides.filter { $0.topics.contains(topic) } }
  public func guides(for tag: Tag) -> [Guide] { guides.filter { $0.tags.contains(tag) } }
  public func stories(for role: Role) -> [Story] { stories.filter { $0.roles.contains(role) } }
  public func stories(for tag: Tag) -> [Story] { stories.filter { $0.tags.contains(tag) } }
}
