import SiftCore
import SiftScreen
import SiftStore

extension DecisionsExport {
  /// `sift decisions export` from a team store's rows: the same CSV as ``run(project:stage:reviewer:all:history:)``.
  /// `history` is the store's `decisionHistory()` for the audit trail (with a `supersedes` column), or nil for the
  /// current decisions in `rows`. Blinded unless `reviewer` (own decisions only) or `all` is set: a decision on a
  /// record that not every reviewer has decided at that stage (and that is not resolved) is withheld.
  public static func csv(
    rows: ProjectRows, history: [DecisionRow]?, review: ReviewProtocol, stage: Stage?, reviewer: String?, all: Bool
  ) -> Output {
    let snapshot = ScreeningSnapshot(rows: rows, review: review)
    let stageOrder = Dictionary(uniqueKeysWithValues: review.stages.enumerated().map { ($1.rawValue, $0) })
    var withheld = 0
    var kept: [DecisionRow] = []
    for row in history ?? rows.decisions {
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
      history != nil
        ? "record,stage,reviewer,verdict,criteria,note,time,study,supersedes"
        : "record,stage,reviewer,verdict,criteria,note,time,study"
    ]
    for row in kept {
      var fields = [
        row.recordId, row.stage, row.reviewer, row.verdict ?? "", row.criteria, row.note ?? "", row.decidedAt,
        row.stage == Stage.fullText.rawValue && row.verdict == Verdict.include.rawValue
          ? snapshot.studies[row.recordId] ?? "" : "",
      ]
      if history != nil { fields.append(row.supersedes.map { String($0) } ?? "") }
      lines.append(fields.map(CSVTable.escape).joined(separator: ","))
    }
    return Output(csv: lines.joined(separator: "\n") + "\n", withheld: withheld)
  }
}
