import GRDB

/// Rows map their Swift names to snake_case columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// One imported file.
public struct ImportRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "imports"
  public var id: Int64
  public var path: String
  /// SHA-256 of the file's bytes, lower-case hex; the same content is imported once.
  public var sha256: String
  public var format: String?
  /// Source name (database, register or other method) as given or inferred.
  public var source: String
  /// `databases`, `registers` or `other-methods`.
  public var sourceColumn: String
  public var recordsRead: Int
  public var recordsStored: Int
  public var recordsRejected: Int
  /// The reader's diagnostics as a JSON array.
  public var diagnosticsJson: String
  public var importedAt: String

  public init(
    id: Int64 = 0, path: String, sha256: String, format: String?, source: String, sourceColumn: String,
    recordsRead: Int, recordsStored: Int, recordsRejected: Int, diagnosticsJson: String, importedAt: String
  ) {
    self.id = id
    self.path = path
    self.sha256 = sha256
    self.format = format
    self.source = source
    self.sourceColumn = sourceColumn
    self.recordsRead = recordsRead
    self.recordsStored = recordsStored
    self.recordsRejected = recordsRejected
    self.diagnosticsJson = diagnosticsJson
    self.importedAt = importedAt
  }
}

/// One stored record.
public struct RecordRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "records"
  /// `R000001`, in import order.
  public var id: String
  public var seq: Int
  public var importId: Int64
  /// 0-based index of the record in its file.
  public var fileIndex: Int
  public var source: String
  public var doi: String?
  public var pmid: String?
  public var accession: String?
  /// Lower-case letters and digits of the title, for matching exports of other tools.
  public var titleKey: String?
  /// The normalised ``SiftCore/Record`` as JSON.
  public var recordJson: String

  public init(
    id: String, seq: Int, importId: Int64, fileIndex: Int, source: String, doi: String?, pmid: String?,
    accession: String?, titleKey: String?, recordJson: String
  ) {
    self.id = id
    self.seq = seq
    self.importId = importId
    self.fileIndex = fileIndex
    self.source = source
    self.doi = doi
    self.pmid = pmid
    self.accession = accession
    self.titleKey = titleKey
    self.recordJson = recordJson
  }
}

/// One decision in the append-only audit trail. `verdict` nil is a withdrawal (undo).
public struct DecisionRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "decisions"
  public var id: Int64
  public var recordId: String
  public var stage: String
  public var reviewer: String
  public var verdict: String?
  /// Criterion ids joined by `;`.
  public var criteria: String
  public var note: String?
  public var decidedAt: String
  /// The decision this one replaces (the same reviewer's previous one on the record at the stage).
  public var supersedes: Int64?

  public init(
    id: Int64, recordId: String, stage: String, reviewer: String, verdict: String?, criteria: String, note: String?,
    decidedAt: String, supersedes: Int64?
  ) {
    self.id = id
    self.recordId = recordId
    self.stage = stage
    self.reviewer = reviewer
    self.verdict = verdict
    self.criteria = criteria
    self.note = note
    self.decidedAt = decidedAt
    self.supersedes = supersedes
  }
}

/// A consensus decision on a record at a stage (append-only; the latest counts).
public struct ResolutionRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "resolutions"
  public var id: Int64
  public var recordId: String
  public var stage: String
  public var verdict: String
  public var criteria: String
  public var resolvedBy: String
  public var note: String?
  public var resolvedAt: String
  public var supersedes: Int64?

  public init(
    id: Int64, recordId: String, stage: String, verdict: String, criteria: String, resolvedBy: String, note: String?,
    resolvedAt: String, supersedes: Int64?
  ) {
    self.id = id
    self.recordId = recordId
    self.stage = stage
    self.verdict = verdict
    self.criteria = criteria
    self.resolvedBy = resolvedBy
    self.note = note
    self.resolvedAt = resolvedAt
    self.supersedes = supersedes
  }
}

/// Where a report's full text is, or that it was not retrieved (append-only; the latest counts).
public struct FulltextRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "fulltexts"
  public var id: Int64
  public var recordId: String
  public var path: String?
  public var url: String?
  public var notRetrieved: Bool
  public var recordedAt: String

  public init(id: Int64, recordId: String, path: String?, url: String?, notRetrieved: Bool, recordedAt: String) {
    self.id = id
    self.recordId = recordId
    self.path = path
    self.url = url
    self.notRetrieved = notRetrieved
    self.recordedAt = recordedAt
  }
}

/// A record excluded by a criterion's automatic rule.
public struct AutomationRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "automation_results"
  public var recordId: String
  public var criterion: String
  public var appliedAt: String
  public init(recordId: String, criterion: String, appliedAt: String) {
    self.recordId = recordId
    self.criterion = criterion
    self.appliedAt = appliedAt
  }
}

/// Links a report (record) to a study label; reports with one label are one study.
public struct StudyLinkRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "study_links"
  public var recordId: String
  public var study: String
  public var linkedAt: String

  public init(recordId: String, study: String, linkedAt: String) {
    self.recordId = recordId
    self.study = study
    self.linkedAt = linkedAt
  }
}

/// One run of project de-duplication.
public struct DedupRunRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "dedup_runs"
  public var id: Int64
  public var ranAt: String
  public var mergeThreshold: Double
  public var reviewThreshold: Double
  /// Per-source counts before and after, as JSON.
  public var summaryJson: String
  public init(id: Int64 = 0, ranAt: String, mergeThreshold: Double, reviewThreshold: Double, summaryJson: String) {
    self.id = id
    self.ranAt = ranAt
    self.mergeThreshold = mergeThreshold
    self.reviewThreshold = reviewThreshold
    self.summaryJson = summaryJson
  }
}

/// A record's cluster in a de-duplication run.
public struct DedupMemberRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "dedup_members"
  public var runId: Int64
  public var clusterId: String
  public var recordId: String
  public var primaryRecord: String
  public var reason: String
  public init(runId: Int64 = 0, clusterId: String, recordId: String, primaryRecord: String, reason: String) {
    self.runId = runId
    self.clusterId = clusterId
    self.recordId = recordId
    self.primaryRecord = primaryRecord
    self.reason = reason
  }
}

/// A near-duplicate pair left for a person.
public struct DedupCandidateRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "dedup_candidates"
  public var runId: Int64
  public var recordA: String
  public var recordB: String
  public var score: Double
  public var reason: String
  public init(runId: Int64 = 0, recordA: String, recordB: String, score: Double, reason: String) {
    self.runId = runId
    self.recordA = recordA
    self.recordB = recordB
    self.score = score
    self.reason = reason
  }
}

/// A person's merge or split, applied on every later run.
public struct DedupOverrideRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "dedup_overrides"
  public var id: Int64
  /// `merge` or `split`.
  public var kind: String
  public var recordA: String
  public var recordB: String?
  public var createdAt: String

  public init(id: Int64, kind: String, recordA: String, recordB: String?, createdAt: String) {
    self.id = id
    self.kind = kind
    self.recordA = recordA
    self.recordB = recordB
    self.createdAt = createdAt
  }
}
