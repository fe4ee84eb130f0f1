import SiftCore
import SiftScreen
import SiftStore

/// `sift conflicts`: records where every reviewer decided and they disagree, per stage.
public enum ProjectConflicts {
  /// One conflict.
  public struct Conflict: Sendable, Hashable {
    public var recordID: String
    public var stage: Stage
    public var title: String
    /// Each reviewer's verdict with its criteria, in protocol reviewer order.
    public var decisions: [ReviewerDecision]
    public init(recordID: String, stage: Stage, title: String, decisions: [ReviewerDecision]) {
      self.recordID = recordID
      self.stage = stage
      self.title = title
      self.decisions = decisions
    }
  }

  public static func list(project: Project, stage: Stage?) throws -> [Conflict] {
    let review = project.review
    return try project.store.read { access in
      let rows = try access.projectRows()
      let ids = list(rows: rows, review: review, records: [], stage: stage).map(\.recordID)
      let records = try access.records(ids: Array(Set(ids)).sorted())
      return list(rows: rows, review: review, records: records, stage: stage)
    }
  }

  /// The conflicts in `rows`, by stage in protocol order, then record in import order; `stage` nil: every stage.
  /// Titles come from `records` (a conflict whose record is not among them, or does not decode, gets title "").
  public static func list(rows: ProjectRows, review: ReviewProtocol, records: [RecordRow], stage: Stage?)
    -> [Conflict]
  {
    let snapshot = ScreeningSnapshot(rows: rows, review: review)
    let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var conflicts: [Conflict] = []
    for current in review.stages where stage == nil || stage == current {
      for id in snapshot.recordIDs where snapshot.hasReached(id, stage: current) {
        guard snapshot.state(id, stage: current) == .conflict else { continue }
        let decided = snapshot.decisions[id]?[current] ?? [:]
        let title = byID[id].flatMap { try? RecordJSON.decode($0) }?.title ?? ""
        conflicts.append(
          Conflict(recordID: id, stage: current, title: title, decisions: review.reviewers.compactMap { decided[$0] }))
      }
    }
    return conflicts
  }

  /// The list as `sift conflicts` prints it.
  public static func text(_ conflicts: [Conflict], stages: [Stage]) -> String {
    guard !conflicts.isEmpty else { return "no conflicts" }
    var lines: [String] = []
    for stage in stages {
      let here = conflicts.filter { $0.stage == stage }
      guard !here.isEmpty else { continue }
      lines.append("\(stage.rawValue): \(here.count) conflict\(here.count == 1 ? "" : "s")")
      for conflict in here {
        let verdicts = conflict.decisions.map { decision -> String in
          let criteria: String = decision.criteria.isEmpty ? "" : " (\(decision.criteria.joined(separator: ", ")))"
          return "\(decision.reviewer) \(decision.verdict.rawValue)\(criteria)"
        }.joined(separator: " | ")
        let title = conflict.title.count > 70 ? String(conflict.title.prefix(69)) + "…" : conflict.title
        lines.append("  \(conflict.recordID)  \(verdicts)  \(title)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
