import PostgresNIO
import SiftStore

/// Rows of the shared schema read from, and written to, PostgreSQL by column name.
enum PostgresRows {
  static func importRow(_ row: PostgresRow) throws -> ImportRow {
    let r = row.makeRandomAccess()
    return ImportRow(
      id: try r["id"].decode(Int64.self), path: try r["path"].decode(String.self),
      sha256: try r["sha256"].decode(String.self), format: try r["format"].decode(String?.self),
      source: try r["source"].decode(String.self), sourceColumn: try r["source_column"].decode(String.self),
      recordsRead: try r["records_read"].decode(Int.self), recordsStored: try r["records_stored"].decode(Int.self),
      recordsRejected: try r["records_rejected"].decode(Int.self),
      diagnosticsJson: try r["diagnostics_json"].decode(String.self),
      importedAt: try r["imported_at"].decode(String.self))
  }

  static func recordRow(_ row: PostgresRow) throws -> RecordRow {
    let r = row.makeRandomAccess()
    return RecordRow(
      id: try r["id"].decode(String.self), seq: try r["seq"].decode(Int.self),
      importId: try r["import_id"].decode(Int64.self), fileIndex: try r["file_index"].decode(Int.self),
      source: try r["source"].decode(String.self), doi: try r["doi"].decode(String?.self),
      pmid: try r["pmid"].decode(String?.self), accession: try r["accession"].decode(String?.self),
      titleKey: try r["title_key"].decode(String?.self), recordJson: try r["record_json"].decode(String.self))
  }

  static func dedupRunRow(_ row: PostgresRow) throws -> DedupRunRow {
    let r = row.makeRandomAccess()
    return DedupRunRow(
      id: try r["id"].decode(Int64.self), ranAt: try r["ran_at"].decode(String.self),
      mergeThreshold: try r["merge_threshold"].decode(Double.self),
      reviewThreshold: try r["review_threshold"].decode(Double.self),
      summaryJson: try r["summary_json"].decode(String.self))
  }

  static func dedupMemberRow(_ row: PostgresRow) throws -> DedupMemberRow {
    let r = row.makeRandomAccess()
    return DedupMemberRow(
      runId: try r["run_id"].decode(Int64.self), clusterId: try r["cluster_id"].decode(String.self),
      recordId: try r["record_id"].decode(String.self), primaryRecord: try r["primary_record"].decode(String.self),
      reason: try r["reason"].decode(String.self))
  }

  static func dedupCandidateRow(_ row: PostgresRow) throws -> DedupCandidateRow {
    let r = row.makeRandomAccess()
    return DedupCandidateRow(
      runId: try r["run_id"].decode(Int64.self), recordA: try r["record_a"].decode(String.self),
      recordB: try r["record_b"].decode(String.self), score: try r["score"].decode(Double.self),
      reason: try r["reason"].decode(String.self))
  }

  static func dedupOverrideRow(_ row: PostgresRow) throws -> DedupOverrideRow {
    let r = row.makeRandomAccess()
    return DedupOverrideRow(
      id: try r["id"].decode(Int64.self), kind: try r["kind"].decode(String.self),
      recordA: try r["record_a"].decode(String.self), recordB: try r["record_b"].decode(String?.self),
      createdAt: try r["created_at"].decode(String.self))
  }

  static func automationRow(_ row: PostgresRow) throws -> AutomationRow {
    let r = row.makeRandomAccess()
    return AutomationRow(
      recordId: try r["record_id"].decode(String.self), criterion: try r["criterion"].decode(String.self),
      appliedAt: try r["applied_at"].decode(String.self))
  }

  static func decisionRow(_ row: PostgresRow) throws -> DecisionRow {
    let r = row.makeRandomAccess()
    return DecisionRow(
      id: try r["id"].decode(Int64.self), recordId: try r["record_id"].decode(String.self),
      stage: try r["stage"].decode(String.self), reviewer: try r["reviewer"].decode(String.self),
      verdict: try r["verdict"].decode(String?.self), criteria: try r["criteria"].decode(String.self),
      note: try r["note"].decode(String?.self), decidedAt: try r["decided_at"].decode(String.self),
      supersedes: try r["supersedes"].decode(Int64?.self))
  }

  static func resolutionRow(_ row: PostgresRow) throws -> ResolutionRow {
    let r = row.makeRandomAccess()
    return ResolutionRow(
      id: try r["id"].decode(Int64.self), recordId: try r["record_id"].decode(String.self),
      stage: try r["stage"].decode(String.self), verdict: try r["verdict"].decode(String.self),
      criteria: try r["criteria"].decode(String.self), resolvedBy: try r["resolved_by"].decode(String.self),
      note: try r["note"].decode(String?.self), resolvedAt: try r["resolved_at"].decode(String.self),
      supersedes: try r["supersedes"].decode(Int64?.self))
  }

  static func fulltextRow(_ row: PostgresRow) throws -> FulltextRow {
    let r = row.makeRandomAccess()
    return FulltextRow(
      id: try r["id"].decode(Int64.self), recordId: try r["record_id"].decode(String.self),
      path: try r["path"].decode(String?.self), url: try r["url"].decode(String?.self),
      notRetrieved: try r["not_retrieved"].decode(Int64.self) != 0,
      recordedAt: try r["recorded_at"].decode(String.self))
  }

  static func studyLinkRow(_ row: PostgresRow) throws -> StudyLinkRow {
    let r = row.makeRandomAccess()
    return StudyLinkRow(
      recordId: try r["record_id"].decode(String.self), study: try r["study"].decode(String.self),
      linkedAt: try r["linked_at"].decode(String.self))
  }

  static func reviewerRow(_ row: PostgresRow) throws -> ReviewerRow {
    let r = row.makeRandomAccess()
    return ReviewerRow(
      name: try r["name"].decode(String.self), passwordHash: try r["password_hash"].decode(String.self),
      role: try r["role"].decode(String.self), createdAt: try r["created_at"].decode(String.self))
  }

  /// A value of a column, bound with its PostgreSQL type (or NULL).
  enum Value {
    case text(String?)
    case int(Int64?)
    case real(Double?)
  }

  /// INSERT statements for every row of `dump`, tables in dependency order, many rows per statement.
  static func inserts(_ dump: StoreDump) -> [PostgresQuery] {
    var queries: [PostgresQuery] = []
    func add(_ table: String, _ columns: [String], _ rows: [[Value]]) {
      queries += batched(table: table, columns: columns, rows: rows)
    }
    add(
      "imports",
      [
        "id", "path", "sha256", "format", "source", "source_column", "records_read", "records_stored",
        "records_rejected", "diagnostics_json", "imported_at",
      ],
      dump.imports.map {
        [
          .int($0.id), .text($0.path), .text($0.sha256), .text($0.format), .text($0.source), .text($0.sourceColumn),
          .int(Int64($0.recordsRead)), .int(Int64($0.recordsStored)), .int(Int64($0.recordsRejected)),
          .text($0.diagnosticsJson), .text($0.importedAt),
        ]
      })
    add(
      "records",
      ["id", "seq", "import_id", "file_index", "source", "doi", "pmid", "accession", "title_key", "record_json"],
      dump.records.map {
        [
          .text($0.id), .int(Int64($0.seq)), .int($0.importId), .int(Int64($0.fileIndex)), .text($0.source),
          .text($0.doi), .text($0.pmid), .text($0.accession), .text($0.titleKey), .text($0.recordJson),
        ]
      })
    add(
      "dedup_runs", ["id", "ran_at", "merge_threshold", "review_threshold", "summary_json"],
      dump.dedupRuns.map {
        [.int($0.id), .text($0.ranAt), .real($0.mergeThreshold), .real($0.reviewThreshold), .text($0.summaryJson)]
      })
    add(
      "dedup_members", ["run_id", "cluster_id", "record_id", "primary_record", "reason"],
      dump.dedupMembers.map {
        [.int($0.runId), .text($0.clusterId), .text($0.recordId), .text($0.primaryRecord), .text($0.reason)]
      })
    add(
      "dedup_candidates", ["run_id", "record_a", "record_b", "score", "reason"],
      dump.dedupCandidates.map {
        [.int($0.runId), .text($0.recordA), .text($0.recordB), .real($0.score), .text($0.reason)]
      })
    add(
      "dedup_overrides", ["id", "kind", "record_a", "record_b", "created_at"],
      dump.dedupOverrides.map {
        [.int($0.id), .text($0.kind), .text($0.recordA), .text($0.recordB), .text($0.createdAt)]
      })
    add(
      "automation_results", ["record_id", "criterion", "applied_at"],
      dump.automation.map { [.text($0.recordId), .text($0.criterion), .text($0.appliedAt)] })
    add(
      "decisions",
      ["id", "record_id", "stage", "reviewer", "verdict", "criteria", "note", "decided_at", "supersedes"],
      dump.decisions.map {
        [
          .int($0.id), .text($0.recordId), .text($0.stage), .text($0.reviewer), .text($0.verdict),
          .text($0.criteria), .text($0.note), .text($0.decidedAt), .int($0.supersedes),
        ]
      })
    add(
      "resolutions",
      ["id", "record_id", "stage", "verdict", "criteria", "resolved_by", "note", "resolved_at", "supersedes"],
      dump.resolutions.map {
        [
          .int($0.id), .text($0.recordId), .text($0.stage), .text($0.verdict), .text($0.criteria),
          .text($0.resolvedBy), .text($0.note), .text($0.resolvedAt), .int($0.supersedes),
        ]
      })
    add(
      "fulltexts", ["id", "record_id", "path", "url", "not_retrieved", "recorded_at"],
      dump.fulltexts.map {
        [
          .int($0.id), .text($0.recordId), .text($0.path), .text($0.url), .int($0.notRetrieved ? 1 : 0),
          .text($0.recordedAt),
        ]
      })
    add(
      "study_links", ["record_id", "study", "linked_at"],
      dump.studyLinks.map { [.text($0.recordId), .text($0.study), .text($0.linkedAt)] })
    add(
      "reviewers", ["name", "password_hash", "role", "created_at"],
      dump.reviewers.map { [.text($0.name), .text($0.passwordHash), .text($0.role), .text($0.createdAt)] })
    return queries
  }

  /// Multi-row INSERTs of at most 500 rows (and well under PostgreSQL's 65 535 parameters) each.
  static func batched(table: String, columns: [String], rows: [[Value]]) -> [PostgresQuery] {
    var queries: [PostgresQuery] = []
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(rows.count, start + 500)]
      var bindings = PostgresBindings()
      var tuples: [String] = []
      for row in chunk {
        var slots: [String] = []
        for value in row {
          switch value {
          case .text(let text?): bindings.append(text)
          case .int(let number?): bindings.append(number)
          case .real(let number?): bindings.append(number)
          case .text(nil), .int(nil), .real(nil): bindings.appendNull()
          }
          slots.append("$\(bindings.count)")
        }
        tuples.append("(" + slots.joined(separator: ", ") + ")")
      }
      queries.append(
        PostgresQuery(
          unsafeSQL:
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))",
          binds: bindings))
      start += 500
    }
    return queries
  }
}
