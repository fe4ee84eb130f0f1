import SiftCore

/// A decision to record, from a CSV row, the terminal or another tool's export.
public struct DecisionInput: Sendable, Hashable {
  /// Where it came from, for errors: `file:line`.
  public var origin: String
  /// The record as written: `R000012`, `doi:…`, `pmid:…`, `id:…`.
  public var reference: String
  public var reviewer: String
  public var stage: Stage
  /// nil withdraws the reviewer's current decision (undo).
  public var verdict: Verdict?
  public var criteria: [String]
  public var note: String?
  /// ISO 8601 time; nil: now (or `$SIFT_FIXED_TIME`).
  public var time: String?
  /// Study label (full-text includes only).
  public var study: String?

  public init(
    origin: String, reference: String, reviewer: String, stage: Stage, verdict: Verdict?, criteria: [String] = [],
    note: String? = nil, time: String? = nil, study: String? = nil
  ) {
    self.origin = origin
    self.reference = reference
    self.reviewer = reviewer
    self.stage = stage
    self.verdict = verdict
    self.criteria = criteria
    self.note = note
    self.time = time
    self.study = study
  }
}

/// A consensus decision to record (`sift resolve`, `sift decisions import --resolve`).
public struct ResolutionInput: Sendable, Hashable {
  public var origin: String
  public var reference: String
  public var stage: Stage
  public var verdict: Verdict
  public var criteria: [String]
  public var by: String
  public var note: String?
  public var time: String?
  public var study: String?

  public init(
    origin: String, reference: String, stage: Stage, verdict: Verdict, criteria: [String] = [], by: String,
    note: String? = nil, time: String? = nil, study: String? = nil
  ) {
    self.origin = origin
    self.reference = reference
    self.stage = stage
    self.verdict = verdict
    self.criteria = criteria
    self.by = by
    self.note = note
    self.time = time
    self.study = study
  }
}

/// What recording a batch did.
public struct RecordingSummary: Sendable, Hashable {
  public var added: Int
  public var unchanged: Int
  public var skipped: Int
  public init(added: Int = 0, unchanged: Int = 0, skipped: Int = 0) {
    self.added = added
    self.unchanged = unchanged
    self.skipped = skipped
  }
}
