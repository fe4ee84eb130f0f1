import Foundation
import SiftCore
import SiftStore

/// `sift decisions import`: reads a decisions file and records it in one transaction.
public enum DecisionsImport {
  /// Options of one import.
  public struct Options: Sendable {
    public var format: DecisionsFormat
    /// The reviewer (required unless the file has a `reviewer` column; not used with `resolveBy`).
    public var reviewer: String?
    /// The stage (required unless the file has a `stage` column).
    public var stage: Stage?
    /// Record the rows as resolutions by this person.
    public var resolveBy: String?
    /// Rayyan: the name in `RAYYAN-INCLUSION` (default: the reviewer).
    public var rayyanName: String?

    public init(
      format: DecisionsFormat = .sift, reviewer: String? = nil, stage: Stage? = nil, resolveBy: String? = nil,
      rayyanName: String? = nil
    ) {
      self.format = format
      self.reviewer = reviewer
      self.stage = stage
      self.resolveBy = resolveBy
      self.rayyanName = rayyanName
    }
  }

  /// Imports `path`; returns a one-line summary.
  public static func run(path: String, options: Options, project: Project) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProjectError("\(path): error: cannot read the file (does it exist?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ProjectError("\(path): error: the file is not UTF-8 text")
    }
    let table = try CSVTable(text: text, file: path)
    let rows: [Row]
    switch options.format {
    case .sift: rows = try siftRows(table, file: path, options: options)
    case .asreview: rows = try ForeignDecisions.asreview(table, file: path, project: project)
    case .rayyan:
      rows = try ForeignDecisions.rayyan(
        table, file: path, name: options.rayyanName ?? options.reviewer ?? "", project: project)
    }
    if let by = options.resolveBy {
      let inputs = try rows.map { row -> ResolutionInput in
        guard let stage = row.stage ?? options.stage else {
          throw ProjectError("\(row.origin): error: no stage; pass --stage or add a `stage` column")
        }
        guard let verdict = row.verdict else { throw ProjectError("\(row.origin): error: no verdict") }
        return ResolutionInput(
          origin: row.origin, reference: row.reference, stage: stage, verdict: verdict, criteria: row.criteria,
          by: by, note: row.note, time: row.time, study: row.study)
      }
      let summary = try ProjectScreening.resolve(inputs, project: project)
      return "\(path): \(summary.added) resolutions recorded, \(summary.unchanged) unchanged"
    }
    var problems: [String] = []
    var inputs: [DecisionInput] = []
    for row in rows {
      guard let reviewer = row.reviewer ?? options.reviewer else {
        problems.append("\(row.origin): error: no reviewer; pass --reviewer or add a `reviewer` column")
        continue
      }
      guard let stage = row.stage ?? options.stage else {
        problems.append("\(row.origin): error: no stage; pass --stage or add a `stage` column")
        continue
      }
      inputs.append(
        DecisionInput(
          origin: row.origin, reference: row.reference, reviewer: reviewer, stage: stage, verdict: row.verdict,
          criteria: row.criteria, note: row.note, time: row.time, study: row.study))
    }
    if !problems.isEmpty { throw ProjectError(ProjectScreening.problemText(problems)) }
    let summary = try ProjectScreening.record(inputs, project: project)
    let skipped = rows.isEmpty ? "" : ""
    return "\(path): \(summary.added) decisions recorded, \(summary.unchanged) unchanged\(skipped)"
  }

  /// One row, read but not yet checked against the project.
  struct Row {
    var origin: String
    var reference: String
    var verdict: Verdict?
    var criteria: [String]
    var note: String?
    var time: String?
    var study: String?
    var reviewer: String?
    var stage: Stage?
  }

  static let siftColumns = ["record", "verdict", "criteria", "note", "time", "study", "reviewer", "stage"]

  static func siftRows(_ table: CSVTable, file: String, options: Options) throws -> [Row] {
    let unknown = table.header.filter { !siftColumns.contains($0.lowercased()) && !$0.isEmpty }
    if !unknown.isEmpty {
      throw ProjectError(
        "\(file):1: error: unknown column \(unknown.map { "`\($0)`" }.joined(separator: ", ")); "
          + "expected record, verdict, criteria, note, time, study (see docs/screening.md)")
    }
    guard let recordColumn = table.column("record"), let verdictColumn = table.column("verdict") else {
      throw ProjectError(
        "\(file):1: error: the header must name the columns `record` and `verdict` (docs/screening.md)")
    }
    let columns = (
      criteria: table.column("criteria"), note: table.column("note"), time: table.column("time"),
      study: table.column("study"), reviewer: table.column("reviewer"), stage: table.column("stage")
    )
    var problems: [String] = []
    var rows: [Row] = []
    for (line, fields) in table.rows {
      let origin = "\(file):\(line)"
      guard let reference = CSVTable.value(fields, recordColumn) else {
        problems.append("\(origin): error: `record` is empty")
        continue
      }
      guard let verdictText = CSVTable.value(fields, verdictColumn),
        let verdict = Verdict(rawValue: verdictText.lowercased())
      else {
        problems.append(
          "\(origin): error: verdict `\(CSVTable.value(fields, verdictColumn) ?? "")` is not include, exclude or maybe")
        continue
      }
      var stage: Stage?
      if let stageText = CSVTable.value(fields, columns.stage) {
        guard let parsed = Stage(rawValue: stageText) else {
          problems.append("\(origin): error: stage `\(stageText)` is not title, abstract, title-abstract or full-text")
          continue
        }
        if let given = options.stage, given != parsed {
          problems.append("\(origin): error: stage `\(stageText)` differs from --stage \(given.rawValue)")
          continue
        }
        stage = parsed
      }
      let reviewer = CSVTable.value(fields, columns.reviewer)
      if let reviewer, let given = options.reviewer, reviewer != given {
        problems.append("\(origin): error: reviewer `\(reviewer)` differs from --reviewer \(given)")
        continue
      }
      let criteria = (CSVTable.value(fields, columns.criteria) ?? "").split(separator: ";").map { $0.trimmingSpaces }
        .filter { !$0.isEmpty }
      rows.append(
        Row(
          origin: origin, reference: reference, verdict: verdict, criteria: criteria,
          note: CSVTable.value(fields, columns.note), time: CSVTable.value(fields, columns.time),
          study: CSVTable.value(fields, columns.study), reviewer: reviewer, stage: stage))
    }
    if !problems.isEmpty { throw ProjectError(ProjectScreening.problemText(problems)) }
    return rows
  }
}
