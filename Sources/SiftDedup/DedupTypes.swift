import SiftCore

/// A record reduced to the normalised fields matching compares (``Deduplicator/prepare(_:)``).
public struct PreparedRecord: Sendable {
  let features: RecordFeatures
  /// The record's key.
  public var key: String { features.key }
}

/// One record handed to the de-duplicator, under a key unique in the run (e.g. `file#index` or a store id).
public struct DedupRecord: Sendable {
  public var key: String
  public var record: Record
  public init(key: String, record: Record) {
    self.key = key
    self.record = record
  }
}

/// The thresholds of a run (scores in 0…1).
public struct DedupOptions: Sendable {
  /// Score at or above which two records are merged automatically (default 0.90).
  public var mergeThreshold: Double
  /// Score at or above which a pair that is not merged is listed in ``DedupResult/maybe`` (default 0.75).
  public var reviewThreshold: Double

  /// The defaults, overridden by the protocol's `dedup:` settings where given.
  public init(settings: DedupSettings? = nil) {
    mergeThreshold = settings?.mergeThreshold ?? 0.90
    reviewThreshold = settings?.reviewThreshold ?? 0.75
  }
}

/// A person's decision, applied after matching; it always wins.
public enum DedupOverride: Sendable, Hashable, Codable {
  /// Put the two records (by key) into one cluster.
  case merge(String, String)
  /// Take the record (by key) out of its cluster into a cluster of its own.
  case split(String)
}

/// A record in a cluster and why it is there.
public struct ClusterMember: Sendable, Hashable, Codable {
  public var key: String
  /// `primary`, `doi`, `pmid`, `eid`, `wos-ut`, `title+authors+year 0.97`, `manual merge`, `manual split`…
  public var reason: String
  public init(key: String, reason: String) {
    self.key = key
    self.reason = reason
  }
}

/// Records judged to be the same publication. Every input record is in exactly one cluster (singletons too).
public struct DuplicateCluster: Sendable, Hashable, Codable {
  /// Stable id: `c-` followed by the smallest member key.
  public var id: String
  /// Key of the record kept: the richest one (most non-empty fields; ties go to the smallest key).
  public var primary: String
  /// The primary first, then the others by key.
  public var members: [ClusterMember]
  public init(id: String, primary: String, members: [ClusterMember]) {
    self.id = id
    self.primary = primary
    self.members = members
  }
}

/// Two records that look alike but were not merged: a person should decide.
public struct CandidatePair: Sendable, Hashable, Codable {
  /// Key of the first record (the smaller key).
  public var a: String
  public var b: String
  public var score: Double
  public var reason: String
  public init(a: String, b: String, score: Double, reason: String) {
    self.a = a
    self.b = b
    self.score = score
    self.reason = reason
  }
}

/// The outcome of ``Deduplicator/run(_:options:overrides:)``.
public struct DedupResult: Sendable {
  /// Sorted by id.
  public var clusters: [DuplicateCluster]
  /// Near misses, best score first.
  public var maybe: [CandidatePair]
  /// How many pairs blocking proposed for scoring (a measure of the work done, for benchmarks).
  public var candidatePairs: Int
  public init(clusters: [DuplicateCluster], maybe: [CandidatePair], candidatePairs: Int = 0) {
    self.clusters = clusters
    self.maybe = maybe
    self.candidatePairs = candidatePairs
  }
}
