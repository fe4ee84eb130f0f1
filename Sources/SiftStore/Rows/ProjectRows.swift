/// The rows screening, agreement and PRISMA read, taken from one snapshot of a store (SQLite or PostgreSQL).
public struct ProjectRows: Sendable, Hashable {
  public var imports: [ImportRow]
  /// Record id and source, in import order (`seq`).
  public var recordSources: [RecordSource]
  /// Members of the latest de-duplication run.
  public var dedupMembers: [DedupMemberRow]
  public var automation: [AutomationRow]
  /// Current decisions (not superseded, not withdrawn), by record, stage, reviewer.
  public var decisions: [DecisionRow]
  /// Current resolutions, by record and stage.
  public var resolutions: [ResolutionRow]
  /// The latest full-text entry of each record.
  public var fulltexts: [FulltextRow]
  public var studyLinks: [StudyLinkRow]

  /// A record's id and the source it was imported under.
  public struct RecordSource: Sendable, Hashable {
    public var id: String
    public var source: String
    public init(id: String, source: String) {
      self.id = id
      self.source = source
    }
  }

  public init(
    imports: [ImportRow] = [], recordSources: [RecordSource] = [], dedupMembers: [DedupMemberRow] = [],
    automation: [AutomationRow] = [], decisions: [DecisionRow] = [], resolutions: [ResolutionRow] = [],
    fulltexts: [FulltextRow] = [], studyLinks: [StudyLinkRow] = []
  ) {
    self.imports = imports
    self.recordSources = recordSources
    self.dedupMembers = dedupMembers
    self.automation = automation
    self.decisions = decisions
    self.resolutions = resolutions
    self.fulltexts = fulltexts
    self.studyLinks = studyLinks
  }
}
