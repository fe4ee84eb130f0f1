import GRDB

extension StoreAccess {
  /// Every row of every table, each in primary-key order (for `sift store copy`).
  public func dump() throws -> StoreDump {
    StoreDump(
      imports: try ImportRow.order(sql: "id").fetchAll(db),
      records: try RecordRow.order(sql: "seq").fetchAll(db),
      dedupRuns: try DedupRunRow.order(sql: "id").fetchAll(db),
      dedupMembers: try DedupMemberRow.order(sql: "run_id, record_id").fetchAll(db),
      dedupCandidates: try DedupCandidateRow.order(sql: "run_id, record_a, record_b").fetchAll(db),
      dedupOverrides: try DedupOverrideRow.order(sql: "id").fetchAll(db),
      automation: try AutomationRow.order(sql: "record_id, criterion").fetchAll(db),
      decisions: try DecisionRow.order(sql: "id").fetchAll(db),
      resolutions: try ResolutionRow.order(sql: "id").fetchAll(db),
      fulltexts: try FulltextRow.order(sql: "id").fetchAll(db),
      studyLinks: try StudyLinkRow.order(sql: "record_id").fetchAll(db),
      reviewers: try ReviewerRow.order(sql: "name").fetchAll(db)
    )
  }

  /// Inserts every row of `dump` as it is (ids kept), tables in dependency order. The caller checks the store is
  /// empty first (see ``tableCounts()``).
  public func load(_ dump: StoreDump) throws {
    for row in dump.imports { try row.insert(db) }
    for row in dump.records { try row.insert(db) }
    for row in dump.dedupRuns { try row.insert(db) }
    for row in dump.dedupMembers { try row.insert(db) }
    for row in dump.dedupCandidates { try row.insert(db) }
    for row in dump.dedupOverrides { try row.insert(db) }
    for row in dump.automation { try row.insert(db) }
    for row in dump.decisions { try row.insert(db) }
    for row in dump.resolutions { try row.insert(db) }
    for row in dump.fulltexts { try row.insert(db) }
    for row in dump.studyLinks { try row.insert(db) }
    for row in dump.reviewers { try row.insert(db) }
  }

  /// Row count of every table of ``StoreSchema/tables``.
  public func tableCounts() throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in StoreSchema.tables {
      counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
    }
    return counts
  }
}
