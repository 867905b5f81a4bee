/// The validated in-memory site: every page and list the renderer needs, cross-references resolved.
public struct Site: Sendable, Equatable {
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
  /// What links between pages may lead to, for checking the links of a page edited in `sopkit serve`.
  var linkTargets = LinkTargets(paths: [], anchors: [:], unreadable: [])

  public func guides(for role: Role) -> [Guide] { guides.filter { $0.roles.contains(role) } }
  public func guides(for topic: Topic) -> [Guide] { guides.filter { $0.topics.contains(topic) } }
  public func guides(for tag: Tag) -> [Guide] { guides.filter { $0.tags.contains(tag) } }
  public func stories(for role: Role) -> [Story] { stories.filter { $0.roles.contains(role) } }
  public func stories(for tag: Tag) -> [Story] { stories.filter { $0.tags.contains(tag) } }
}
