import Foundation
import SiftCore
import SiftStore

/// `GET /decisions.csv`: current decisions with the columns of `sift decisions export`
/// (`record,stage,reviewer,verdict,criteria,note,time,study`), every field guarded by ``SiftCore/SpreadsheetSafety``.
/// Blinded as the CLI export: a reviewer gets their own decisions and those on records every reviewer has decided
/// (or that are resolved) at that stage; an adjudicator gets all.
enum DecisionsCSV {
  static func render(rows: ProjectRows, review: ReviewProtocol, viewer: String, seesAll: Bool) -> String {
    var decided: [String: Set<String>] = [:]
    for row in rows.decisions where row.verdict != nil {
      decided["\(row.recordId)|\(row.stage)", default: []].insert(row.reviewer)
    }
    let resolved = Set(rows.resolutions.map { "\($0.recordId)|\($0.stage)" })
    var studies: [String: String] = [:]
    for link in rows.studyLinks { studies[link.recordId] = link.study }
    let stageOrder = Dictionary(uniqueKeysWithValues: review.stages.enumerated().map { ($1.rawValue, $0) })
    let kept = rows.decisions.filter { row in
      guard row.verdict != nil else { return false }
      if seesAll || row.reviewer == viewer { return true }
      let key = "\(row.recordId)|\(row.stage)"
      let everyone = review.reviewers.allSatisfy { decided[key]?.contains($0) ?? false }
      return everyone || resolved.contains(key)
    }.sorted { a, b in
      let sa = stageOrder[a.stage] ?? 99
      let sb = stageOrder[b.stage] ?? 99
      if sa != sb { return sa < sb }
      if a.recordId != b.recordId { return a.recordId < b.recordId }
      if a.reviewer != b.reviewer { return a.reviewer < b.reviewer }
      return a.id < b.id
    }
    var lines = ["record,stage,reviewer,verdict,criteria,note,time,study"]
    for row in kept {
      let study =
        row.stage == Stage.fullText.rawValue && row.verdict == Verdict.include.rawValue
        ? studies[row.recordId] ?? "" : ""
      let fields = [
        row.recordId, row.stage, row.reviewer, row.verdict ?? "", row.criteria, row.note ?? "", row.decidedAt, study,
      ]
      lines.append(fields.map(field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One CSV field: formula-guarded, quoted when it holds a comma, quote or line break.
  static func field(_ raw: String) -> String {
    let value = SpreadsheetSafety.guarded(raw)
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
