/// Every row of every table of a project store, for moving a project between SQLite and PostgreSQL
/// (`sift store copy`). Each array is in primary-key order.
public struct StoreDump: Sendable, Hashable {
  public var imports: [ImportRow]
  public var records: [RecordRow]
  public var dedupRuns: [DedupRunRow]
  /// Members of every run, not only the latest.
  public var dedupMembers: [DedupMemberRow]
  public var dedupCandidates: [DedupCandidateRow]
  public var dedupOverrides: [DedupOverrideRow]
  public var automation: [AutomationRow]
  /// The whole audit trail, superseded and withdrawn decisions included.
  public var decisions: [DecisionRow]
  public var resolutions: [ResolutionRow]
  public var fulltexts: [FulltextRow]
  public var studyLinks: [StudyLinkRow]
  public var reviewers: [ReviewerRow]

  public init(
    imports: [ImportRow] = [], records: [RecordRow] = [], dedupRuns: [DedupRunRow] = [],
    dedupMembers: [DedupMemberRow] = [], dedupCandidates: [DedupCandidateRow] = [],
    dedupOverrides: [DedupOverrideRow] = [], automation: [AutomationRow] = [], decisions: [DecisionRow] = [],
    resolutions: [ResolutionRow] = [], fulltexts: [FulltextRow] = [], studyLinks: [StudyLinkRow] = [],
    reviewers: [ReviewerRow] = []
  ) {
    self.imports = imports
    self.records = records
    self.dedupRuns = dedupRuns
    self.dedupMembers = dedupMembers
    self.dedupCandidates = dedupCandidates
    self.dedupOverrides = dedupOverrides
    self.automation = automation
    self.decisions = decisions
    self.resolutions = resolutions
    self.fulltexts = fulltexts
    self.studyLinks = studyLinks
    self.reviewers = reviewers
  }

  /// Row count of each table, by table name (every table of ``StoreSchema/tables``).
  public var counts: [String: Int] {
    [
      "imports": imports.count, "records": records.count, "dedup_runs": dedupRuns.count,
      "dedup_members": dedupMembers.count, "dedup_candidates": dedupCandidates.count,
      "dedup_overrides": dedupOverrides.count, "automation_results": automation.count,
      "decisions": decisions.count, "resolutions": resolutions.count, "fulltexts": fulltexts.count,
      "study_links": studyLinks.count, "reviewers": reviewers.count,
    ]
  }
}
