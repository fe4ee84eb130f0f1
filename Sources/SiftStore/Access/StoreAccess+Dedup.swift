import GRDB

extension StoreAccess {
  /// Stores a de-duplication run with its clusters and candidate pairs; returns the run id.
  @discardableResult
  public func addDedupRun(_ run: DedupRunRow, members: [DedupMemberRow], candidates: [DedupCandidateRow]) throws
    -> Int64
  {
    var run = run
    run.id = try nextID("dedup_runs")
    try run.insert(db)
    // One prepared statement per table for the whole run (a run stores a row per record).
    let addMember = try db.makeStatement(
      sql: "INSERT INTO dedup_members (run_id, cluster_id, record_id, primary_record, reason) VALUES (?, ?, ?, ?, ?)")
    for member in members {
      try addMember.execute(arguments: [
        run.id, member.clusterId, member.recordId, member.primaryRecord, member.reason,
      ])
    }
    let addCandidate = try db.makeStatement(
      sql: "INSERT INTO dedup_candidates (run_id, record_a, record_b, score, reason) VALUES (?, ?, ?, ?, ?)")
    for candidate in candidates {
      try addCandidate.execute(arguments: [
        run.id, candidate.recordA, candidate.recordB, candidate.score, candidate.reason,
      ])
    }
    return run.id
  }

  /// The latest run, if any.
  public func latestDedupRun() throws -> DedupRunRow? {
    try DedupRunRow.order(sql: "id DESC").fetchOne(db)
  }

  /// The clusters of the latest run: one row per record that was in it.
  public func latestDedupMembers(recordIDs: [String]? = nil) throws -> [DedupMemberRow] {
    guard let run = try latestDedupRun() else { return [] }
    guard let recordIDs else {
      return try DedupMemberRow.filter(sql: "run_id = ?", arguments: [run.id]).order(sql: "cluster_id, record_id")
        .fetchAll(db)
    }
    return try DedupMemberRow.filter(
      sql: "run_id = ? AND record_id IN (\(Self.placeholders(recordIDs.count)))",
      arguments: [run.id] + StatementArguments(recordIDs)
    ).order(sql: "cluster_id, record_id").fetchAll(db)
  }

  /// The primary record of `id`'s cluster in the latest run (`id` itself when it is primary or in no run).
  public func primaryRecord(of id: String) throws -> String {
    try latestDedupMembers(recordIDs: [id]).first?.primaryRecord ?? id
  }

  /// The candidate pairs of the latest run, best first.
  public func latestDedupCandidates() throws -> [DedupCandidateRow] {
    guard let run = try latestDedupRun() else { return [] }
    return try DedupCandidateRow.filter(sql: "run_id = ?", arguments: [run.id])
      .order(sql: "score DESC, record_a, record_b").fetchAll(db)
  }

  /// Every override, oldest first.
  public func dedupOverrides() throws -> [DedupOverrideRow] {
    try DedupOverrideRow.order(sql: "id").fetchAll(db)
  }

  /// Records a merge (`recordB` set) or split (`recordB` nil).
  public func addDedupOverride(kind: String, recordA: String, recordB: String?, time: String) throws {
    try DedupOverrideRow(
      id: try nextID("dedup_overrides"), kind: kind, recordA: recordA, recordB: recordB, createdAt: time
    ).insert(db)
  }
}
