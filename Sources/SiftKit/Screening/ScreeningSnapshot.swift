import SiftCore
import SiftScreen
import SiftStore

/// Everything screening needs, read in one transaction: which records are screenable and every current decision.
struct ScreeningSnapshot {
  let policy: ScreeningPolicy
  /// Record ids in import order.
  let recordIDs: [String]
  let sources: [String: String]
  /// Non-primary record → primary of its cluster (latest de-duplication run).
  let duplicateOf: [String: String]
  /// Record → criteria whose automatic rule it fails, in protocol order.
  let automation: [String: [String]]
  let decisions: [String: [Stage: [String: ReviewerDecision]]]
  let resolutions: [String: [Stage: Resolution]]
  let notRetrieved: Set<String>
  let studies: [String: String]

  /// Reads the state of every record, or (faster, for a few decisions) of `only` these records.
  init(access: StoreAccess, review: ReviewProtocol, only: [String]? = nil) throws {
    self.init(rows: try access.projectRows(only: only), review: review)
  }

  /// The state of the records in `rows` (from SQLite or PostgreSQL: the same rows give the same state).
  init(rows: ProjectRows, review: ReviewProtocol) {
    policy = ScreeningPolicy(review)
    var ids: [String] = []
    var sources: [String: String] = [:]
    for row in rows.recordSources {
      ids.append(row.id)
      sources[row.id] = row.source
    }
    recordIDs = ids
    self.sources = sources
    var duplicateOf: [String: String] = [:]
    for member in rows.dedupMembers where member.recordId != member.primaryRecord {
      duplicateOf[member.recordId] = member.primaryRecord
    }
    self.duplicateOf = duplicateOf
    var automation: [String: [String]] = [:]
    for row in rows.automation {
      automation[row.recordId, default: []].append(row.criterion)
    }
    let policy = self.policy
    self.automation = automation.mapValues { policy.ordered($0) }
    var decisions: [String: [Stage: [String: ReviewerDecision]]] = [:]
    for row in rows.decisions {
      guard let decision = Self.decision(row) else { continue }
      decisions[row.recordId, default: [:]][decision.stage, default: [:]][row.reviewer] = decision
    }
    self.decisions = decisions
    var resolutions: [String: [Stage: Resolution]] = [:]
    for row in rows.resolutions {
      guard let stage = Stage(rawValue: row.stage), let verdict = Verdict(rawValue: row.verdict) else { continue }
      resolutions[row.recordId, default: [:]][stage] = Resolution(
        recordID: row.recordId, stage: stage, verdict: verdict, criteria: Self.split(row.criteria), by: row.resolvedBy,
        note: row.note, time: row.resolvedAt)
    }
    self.resolutions = resolutions
    notRetrieved = Set(rows.fulltexts.filter(\.notRetrieved).map(\.recordId))
    studies = Dictionary(rows.studyLinks.map { ($0.recordId, $0.study) }, uniquingKeysWith: { a, _ in a })
  }

  static func split(_ criteria: String) -> [String] {
    criteria.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  static func decision(_ row: DecisionRow) -> ReviewerDecision? {
    guard let stage = Stage(rawValue: row.stage), let verdictText = row.verdict,
      let verdict = Verdict(rawValue: verdictText)
    else { return nil }
    return ReviewerDecision(
      recordID: row.recordId, stage: stage, reviewer: row.reviewer, verdict: verdict, criteria: split(row.criteria),
      note: row.note, time: row.decidedAt)
  }

  /// Whether the record enters screening at all: primary and not excluded by automation.
  func isScreenable(_ id: String) -> Bool {
    duplicateOf[id] == nil && (automation[id] ?? []).isEmpty
  }

  /// Whether the record has reached `stage`: screenable, passed every earlier stage, and (for full text) retrieved.
  func hasReached(_ id: String, stage: Stage) -> Bool {
    guard isScreenable(id),
      policy.hasReached(stage, decisions: decisions[id] ?? [:], resolutions: resolutions[id] ?? [:])
    else { return false }
    return stage != .fullText || !notRetrieved.contains(id)
  }

  /// The state of a record at a stage.
  func state(_ id: String, stage: Stage) -> StageState {
    policy.state(decisions: decisions[id]?[stage] ?? [:], resolution: resolutions[id]?[stage])
  }

  /// Why a record has not reached `stage`, in words.
  func whyNotReached(_ id: String, stage: Stage) -> String {
    if let primary = duplicateOf[id] { return "\(id) is a duplicate of \(primary) (decide on \(primary))" }
    if let criteria = automation[id], !criteria.isEmpty {
      return "\(id) was excluded by automation (\(criteria.joined(separator: ", ")))"
    }
    if stage == .fullText, notRetrieved.contains(id) { return "\(id) is marked full text not retrieved" }
    switch policy.outcome(decisions: decisions[id] ?? [:], resolutions: resolutions[id] ?? [:]) {
    case .excluded(let at, _): return "\(id) was excluded at \(at.rawValue)"
    case .at(let at, let state):
      switch state {
      case .conflict: return "\(id) is in conflict at \(at.rawValue); resolve it first (`sift resolve`)"
      case .pending(let missing):
        return "\(id) is still at \(at.rawValue), waiting for \(missing.joined(separator: ", "))"
      case .final: return "\(id) is at \(at.rawValue)"
      }
    case .passed: return "\(id) has passed every stage"
    }
  }
}
