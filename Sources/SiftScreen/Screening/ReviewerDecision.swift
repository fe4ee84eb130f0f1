import SiftCore

/// One reviewer's current decision on a record at a stage.
public struct ReviewerDecision: Sendable, Hashable, Codable {
  public var recordID: String
  public var stage: Stage
  public var reviewer: String
  public var verdict: Verdict
  /// Criterion ids given as reasons, in protocol order.
  public var criteria: [String]
  public var note: String?
  /// ISO 8601 UTC time of the decision.
  public var time: String

  public init(
    recordID: String, stage: Stage, reviewer: String, verdict: Verdict, criteria: [String] = [], note: String? = nil,
    time: String
  ) {
    self.recordID = recordID
    self.stage = stage
    self.reviewer = reviewer
    self.verdict = verdict
    self.criteria = criteria
    self.note = note
    self.time = time
  }
}

/// The consensus decision on a record at a stage, recorded after a conflict (or instead of dual screening).
public struct Resolution: Sendable, Hashable, Codable {
  public var recordID: String
  public var stage: Stage
  public var verdict: Verdict
  public var criteria: [String]
  /// Who resolved it.
  public var by: String
  public var note: String?
  public var time: String

  public init(
    recordID: String, stage: Stage, verdict: Verdict, criteria: [String] = [], by: String, note: String? = nil,
    time: String
  ) {
    self.recordID = recordID
    self.stage = stage
    self.verdict = verdict
    self.criteria = criteria
    self.by = by
    self.note = note
    self.time = time
  }
}
