/// A build kept in memory instead of written: the site model, its templates and every file it makes.
public struct BuiltSite: Sendable {
  let site: Site
  let templates: TemplateSet
  public let files: [RenderedFile]
  public let report: BuildReport

  /// Every guide's state in every other language.
  public var translationReport: TranslationReport { TranslationReport(site: site) }
}
