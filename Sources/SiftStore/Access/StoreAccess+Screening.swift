import GRDB

extension StoreAccess {
  /// Current decisions (not superseded, not withdrawn), optionally of one stage and of some records, ordered by
  /// record, stage, reviewer.
  public func currentDecisions(stage: String? = nil, recordIDs: [String]? = nil) throws -> [DecisionRow] {
    var sql = """
      SELECT d.* FROM decisions d
      WHERE NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes = d.id) AND d.verdict IS NOT NULL
      """
    var arguments: StatementArguments = []
    if let stage {
      sql += " AND d.stage = ?"
      arguments = [stage]
    }
    if let recordIDs {
      sql += " AND d.record_id IN (\(Self.placeholders(recordIDs.count)))"
      arguments += StatementArguments(recordIDs)
    }
    sql += " ORDER BY d.record_id, d.stage, d.reviewer"
    return try DecisionRow.fetchAll(db, sql: sql, arguments: arguments)
  }

  /// Every decision ever recorded, oldest first.
  public func decisionHistory() throws -> [DecisionRow] {
    try DecisionRow.order(sql: "id").fetchAll(db)
  }

  /// The reviewer's current decision row (including a withdrawal) on a record at a stage.
  public func latestDecision(recordID: String, stage: String, reviewer: String) throws -> DecisionRow? {
    try DecisionRow.fetchOne(
      db,
      sql: "SELECT * FROM decisions WHERE record_id = ? AND stage = ? AND reviewer = ? ORDER BY id DESC LIMIT 1",
      arguments: [recordID, stage, reviewer])
  }

  /// Appends a decision that supersedes the reviewer's previous one. Returns false (and stores nothing) when it
  /// repeats the current decision exactly (verdict, criteria, note); `verdict` nil withdraws the current decision.
  @discardableResult
  public func appendDecision(
    recordID: String, stage: String, reviewer: String, verdict: String?, criteria: [String], note: String?,
    time: String
  ) throws -> Bool {
    let previous = try latestDecision(recordID: recordID, stage: stage, reviewer: reviewer)
    let joined = criteria.joined(separator: ";")
    if Self.decisionRepeats(previous: previous, verdict: verdict, criteria: joined, note: note) { return false }
    try DecisionRow(
      id: try nextID("decisions"), recordId: recordID, stage: stage, reviewer: reviewer, verdict: verdict,
      criteria: joined, note: note, decidedAt: time, supersedes: previous?.id
    ).insert(db)
    return true
  }

  /// Whether appending this decision after `previous` (the reviewer's latest row) stores nothing: it repeats the
  /// current decision exactly, or withdraws a decision that does not exist. Shared with the PostgreSQL store.
  public static func decisionRepeats(previous: DecisionRow?, verdict: String?, criteria: String, note: String?) -> Bool
  {
    guard let previous else { return verdict == nil }
    return previous.verdict == verdict && previous.criteria == criteria && previous.note == note
  }

  /// Whether this resolution repeats `previous` (the latest one on the record at the stage) exactly.
  public static func resolutionRepeats(
    previous: ResolutionRow?, verdict: String, criteria: String, by: String, note: String?
  ) -> Bool {
    guard let previous else { return false }
    return previous.verdict == verdict && previous.criteria == criteria && previous.resolvedBy == by
      && previous.note == note
  }

  /// Current resolutions, by record and stage.
  public func currentResolutions(stage: String? = nil, recordIDs: [String]? = nil) throws -> [ResolutionRow] {
    var sql = """
      SELECT r.* FROM resolutions r
      WHERE NOT EXISTS (SELECT 1 FROM resolutions n WHERE n.supersedes = r.id)
      """
    var arguments: StatementArguments = []
    if let stage {
      sql += " AND r.stage = ?"
      arguments = [stage]
    }
    if let recordIDs {
      sql += " AND r.record_id IN (\(Self.placeholders(recordIDs.count)))"
      arguments += StatementArguments(recordIDs)
    }
    sql += " ORDER BY r.record_id, r.stage"
    return try ResolutionRow.fetchAll(db, sql: sql, arguments: arguments)
  }

  /// Appends a resolution superseding the previous one; false when it repeats it exactly.
  @discardableResult
  public func appendResolution(
    recordID: String, stage: String, verdict: String, criteria: [String], by: String, note: String?, time: String
  ) throws -> Bool {
    let previous = try ResolutionRow.fetchOne(
      db, sql: "SELECT * FROM resolutions WHERE record_id = ? AND stage = ? ORDER BY id DESC LIMIT 1",
      arguments: [recordID, stage])
    let joined = criteria.joined(separator: ";")
    if Self.resolutionRepeats(previous: previous, verdict: verdict, criteria: joined, by: by, note: note) {
      return false
    }
    try ResolutionRow(
      id: try nextID("resolutions"), recordId: recordID, stage: stage, verdict: verdict, criteria: joined,
      resolvedBy: by, note: note, resolvedAt: time, supersedes: previous?.id
    ).insert(db)
    return true
  }

  /// Records excluded by automation: record id → criterion ids.
  public func automationResults(recordIDs: [String]? = nil) throws -> [AutomationRow] {
    guard let recordIDs else { return try AutomationRow.order(sql: "record_id, criterion").fetchAll(db) }
    return try AutomationRow.filter(
      sql: "record_id IN (\(Self.placeholders(recordIDs.count)))", arguments: StatementArguments(recordIDs)
    ).order(sql: "record_id, criterion").fetchAll(db)
  }

  /// Makes the stored automation results equal `results` (record id, criterion id); rows that stay keep their time.
  /// Returns (added, removed).
  @discardableResult
  public func replaceAutomation(_ results: Set<[String]>, time: String) throws -> (added: Int, removed: Int) {
    let existing = try automationResults()
    let existingKeys = Set(existing.map { [$0.recordId, $0.criterion] })
    var removed = 0
    for row in existing where !results.contains([row.recordId, row.criterion]) {
      try row.delete(db)
      removed += 1
    }
    var added = 0
    for key in results.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !existingKeys.contains(key) {
      try AutomationRow(recordId: key[0], criterion: key[1], appliedAt: time).insert(db)
      added += 1
    }
    return (added, removed)
  }

  /// Appends where a full text is (or that it was not retrieved).
  public func appendFulltext(recordID: String, path: String?, url: String?, notRetrieved: Bool, time: String) throws {
    try FulltextRow(
      id: try nextID("fulltexts"), recordId: recordID, path: path, url: url, notRetrieved: notRetrieved,
      recordedAt: time
    ).insert(db)
  }

  /// The latest full-text entry of each record.
  public func currentFulltexts(recordIDs: [String]? = nil) throws -> [FulltextRow] {
    var sql = """
      SELECT f.* FROM fulltexts f
      WHERE f.id = (SELECT MAX(g.id) FROM fulltexts g WHERE g.record_id = f.record_id)
      """
    var arguments: StatementArguments = []
    if let recordIDs {
      sql += " AND f.record_id IN (\(Self.placeholders(recordIDs.count)))"
      arguments = StatementArguments(recordIDs)
    }
    return try FulltextRow.fetchAll(db, sql: sql + " ORDER BY f.record_id", arguments: arguments)
  }

  /// Sets (or replaces) the study a report belongs to.
  public func linkStudy(recordID: String, study: String, time: String) throws {
    try db.execute(sql: "DELETE FROM study_links WHERE record_id = ?", arguments: [recordID])
    try StudyLinkRow(recordId: recordID, study: study, linkedAt: time).insert(db)
  }

  public func studyLinks(recordIDs: [String]? = nil) throws -> [StudyLinkRow] {
    guard let recordIDs else { return try StudyLinkRow.order(sql: "record_id").fetchAll(db) }
    return try StudyLinkRow.filter(
      sql: "record_id IN (\(Self.placeholders(recordIDs.count)))", arguments: StatementArguments(recordIDs)
    ).order(sql: "record_id").fetchAll(db)
  }

  /// `?, ?, ?` for an `IN` list (at least one, so an empty list matches nothing).
  static func placeholders(_ count: Int) -> String {
    count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
  }
}
