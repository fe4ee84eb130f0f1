import SiftCore
import SiftScreen
import SiftStore

/// `sift decisions export`: current decisions as CSV, blinded by default.
public enum DecisionsExport {
  /// The CSV text and how many decisions were withheld for blinding.
  public struct Output: Sendable {
    public var csv: String
    public var withheld: Int
  }

  /// Current decisions (stage order, record, reviewer). Blinded: a decision on a record that not every reviewer has
  /// decided at that stage is withheld, unless `reviewer` asks for their own decisions or `all` is set.
  /// With `history`, every decision ever recorded (withdrawals as an empty verdict) and a `supersedes` column.
  public static func run(project: Project, stage: Stage?, reviewer: String?, all: Bool, history: Bool) throws -> Output
  {
    let review = project.review
    return try project.store.read { access in
      let snapshot = try ScreeningSnapshot(access: access, review: review)
      let rows = history ? try access.decisionHistory() : try access.currentDecisions(stage: stage?.rawValue)
      let stageOrder = Dictionary(uniqueKeysWithValues: review.stages.enumerated().map { ($1.rawValue, $0) })
      var withheld = 0
      var kept: [DecisionRow] = []
      for row in rows {
        if let stage, row.stage != stage.rawValue { continue }
        if let reviewer, row.reviewer != reviewer { continue }
        if !all, reviewer == nil, let rowStage = Stage(rawValue: row.stage) {
          let decided = snapshot.decisions[row.recordId]?[rowStage] ?? [:]
          let complete =
            review.reviewers.allSatisfy { decided[$0] != nil } || snapshot.resolutions[row.recordId]?[rowStage] != nil
          if !complete {
            withheld += 1
            continue
          }
        }
        kept.append(row)
      }
      kept.sort { a, b in
        let sa = stageOrder[a.stage] ?? 99
        let sb = stageOrder[b.stage] ?? 99
        if sa != sb { return sa < sb }
        if a.recordId != b.recordId { return a.recordId < b.recordId }
        if a.reviewer != b.reviewer { return a.reviewer < b.reviewer }
        return a.id < b.id
      }
      var lines = [
        history
          ? "record,stage,reviewer,verdict,criteria,note,time,study,supersedes"
          : "record,stage,reviewer,verdict,criteria,note,time,study"
      ]
      for row in kept {
        var fields = [
          row.recordId, row.stage, row.reviewer, row.verdict ?? "", row.criteria, row.note ?? "", row.decidedAt,
          row.stage == Stage.fullText.rawValue && row.verdict == Verdict.include.rawValue
            ? snapshot.studies[row.recordId] ?? "" : "",
        ]
        if history { fields.append(row.supersedes.map { String($0) } ?? "") }
        lines.append(fields.map(CSVTable.escape).joined(separator: ","))
      }
      return Output(csv: lines.joined(separator: "\n") + "\n", withheld: withheld)
    }
  }
}
