/// What happened to each record of a project, the input from which PRISMA 2020 counts are derived.
/// Built from the store (records, clusters, rules, decisions); never typed in.
public struct FlowInput: Sendable, Hashable, Codable {
  public var records: [FlowRecord]
  /// The protocol's screening stages, in order.
  public var stages: [Stage]
  /// The protocol's criteria (ids and labels name the exclusion reasons).
  public var criteria: [Criterion]
  /// Sources in protocol order: databases, registers, other methods.
  public var sources: [FlowSource]
  /// For updated reviews.
  public var previousReview: PreviousReview?

  public init(
    records: [FlowRecord], stages: [Stage], criteria: [Criterion], sources: [FlowSource],
    previousReview: PreviousReview? = nil
  ) {
    self.records = records
    self.stages = stages
    self.criteria = criteria
    self.sources = sources
    self.previousReview = previousReview
  }
}

/// A source of records and the PRISMA column it belongs to.
public struct FlowSource: Sendable, Hashable, Codable {
  public var name: String
  public var column: FlowColumn
  public init(name: String, column: FlowColumn) {
    self.name = name
    self.column = column
  }
}

public enum FlowColumn: String, Sendable, Hashable, Codable {
  case databases
  case registers
  case otherMethods = "other-methods"
}

/// One record and where it went.
public struct FlowRecord: Sendable, Hashable, Codable {
  /// The project's record id.
  public var id: String
  /// Name of its source, as in ``FlowInput/sources``.
  public var source: String
  public var fate: Fate
  public init(id: String, source: String, fate: Fate) {
    self.id = id
    self.source = source
    self.fate = fate
  }
}

/// Where a record went, at the furthest point it reached.
public enum Fate: Sendable, Hashable, Codable {
  /// Removed before screening as a duplicate of the primary record `of`.
  case duplicate(of: String)
  /// Marked ineligible by an automatic rule of the protocol.
  case automation(criterion: String)
  /// Removed before screening for another reason.
  case removedOther(reason: String)
  /// Excluded at a stage; `criteria` are the reasons given (required at full text).
  case excluded(stage: Stage, criteria: [String])
  /// Reached `stage` but has no final decision there yet (in progress or an unresolved conflict).
  case awaiting(stage: Stage)
  /// Passed screening but the full text could not be retrieved.
  case notRetrieved
  /// A report of an included study; reports sharing `study` are one study.
  case included(study: String?)
}
