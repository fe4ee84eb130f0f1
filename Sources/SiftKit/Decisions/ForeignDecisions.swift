import Foundation
import SiftCore
import SiftStore

/// Reads other screening tools' exports into decision rows, matching their records to the project's.
enum ForeignDecisions {
  /// ASReview LAB: `included` 1 (include), 0 (exclude), empty or -1 (not screened: skipped).
  static func asreview(_ table: CSVTable, file: String, project: Project) throws -> [DecisionsImport.Row] {
    guard let included = table.column("included") ?? table.column("label_included") ?? table.column("asreview_label")
    else {
      throw ProjectError("\(file):1: error: no `included` column; is this an ASReview LAB export (CSV)?")
    }
    let doi = table.column("doi")
    let title = table.column("title") ?? table.column("primary_title")
    var rows: [DecisionsImport.Row] = []
    var problems: [String] = []
    for (line, fields) in table.rows {
      let verdict: Verdict
      switch CSVTable.value(fields, included) {
      case "1", "1.0": verdict = .include
      case "0", "0.0": verdict = .exclude
      default: continue
      }
      do {
        rows.append(
          .init(
            origin: "\(file):\(line)",
            reference: try reference(
              doi: CSVTable.value(fields, doi), pmid: nil,
              title: CSVTable.value(fields, title), project: project, origin: "\(file):\(line)"),
            verdict: verdict, criteria: [], note: nil, time: nil, study: nil, reviewer: nil, stage: nil))
      } catch let error as ProjectError {
        problems.append(error.message)
      }
    }
    if !problems.isEmpty { throw ProjectError(ProjectScreening.problemText(problems)) }
    return rows
  }

  /// Rayyan: `notes` holds `RAYYAN-INCLUSION: {"Alice"=>"Included", "Bob"=>"Excluded"}`.
  static func rayyan(_ table: CSVTable, file: String, name: String, project: Project) throws -> [DecisionsImport.Row] {
    guard let notes = table.column("notes") else {
      throw ProjectError("\(file):1: error: no `notes` column; is this a Rayyan export (CSV)?")
    }
    guard !name.isEmpty else { throw ProjectError("--rayyan-name or --reviewer: whose Rayyan decisions to import?") }
    let doi = table.column("doi")
    let pmid = table.column("pubmed_id")
    let url = table.column("url")
    let title = table.column("title")
    var rows: [DecisionsImport.Row] = []
    var problems: [String] = []
    for (line, fields) in table.rows {
      let text = CSVTable.value(fields, notes) ?? ""
      guard let label = inclusion(in: text)[name] else { continue }
      let verdict: Verdict
      switch label.lowercased() {
      case "included": verdict = .include
      case "excluded": verdict = .exclude
      case "maybe": verdict = .maybe
      default: continue
      }
      let origin = "\(file):\(line)"
      let doiValue = CSVTable.value(fields, doi) ?? CSVTable.value(fields, url).flatMap(Identifier.normalizeDOI)
      do {
        rows.append(
          .init(
            origin: origin,
            reference: try reference(
              doi: doiValue, pmid: CSVTable.value(fields, pmid), title: CSVTable.value(fields, title), project: project,
              origin: origin),
            verdict: verdict, criteria: [], note: exclusionReasons(in: text), time: nil, study: nil, reviewer: nil,
            stage: nil))
      } catch let error as ProjectError {
        problems.append(error.message)
      }
    }
    if !problems.isEmpty { throw ProjectError(ProjectScreening.problemText(problems)) }
    return rows
  }

  /// `{"Alice"=>"Included", "Bob"=>"Excluded"}` after `RAYYAN-INCLUSION:` as a dictionary.
  static func inclusion(in notes: String) -> [String: String] {
    guard let start = notes.range(of: "RAYYAN-INCLUSION:") else { return [:] }
    let rest = notes[start.upperBound...]
    guard let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") else { return [:] }
    var result: [String: String] = [:]
    for pair in rest[rest.index(after: open)..<close].split(separator: ",") {
      let parts = pair.components(separatedBy: "=>")
      guard parts.count == 2 else { continue }
      let key = parts[0].trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      let value = parts[1].trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      result[key] = value
    }
    return result
  }

  static func exclusionReasons(in notes: String) -> String? {
    guard let start = notes.range(of: "RAYYAN-EXCLUSION-REASONS:") else { return nil }
    let rest = notes[start.upperBound...]
    let end = rest.range(of: " | ")?.lowerBound ?? rest.endIndex
    let reasons = rest[..<end].trimmingSpaces
    return reasons.isEmpty ? nil : "Rayyan exclusion reasons: \(reasons)"
  }

  /// A record reference for a foreign row: `doi:…` when the DOI is in the project, else `pmid:…`, else the R-id of
  /// the record with the same normalised title.
  static func reference(doi: String?, pmid: String?, title: String?, project: Project, origin: String) throws -> String
  {
    try project.store.read { access in
      if let doi, let normalised = Identifier.normalizeDOI(doi),
        !(try access.recordIDs(where: .doi, equals: normalised)).isEmpty
      {
        return "doi:\(normalised)"
      }
      if let pmid, !(try access.recordIDs(where: .pmid, equals: pmid)).isEmpty { return "pmid:\(pmid)" }
      if let key = StoreAccess.titleKey(title) {
        let ids = try access.recordIDs(where: .titleKey, equals: key)
        if ids.count == 1, let id = ids.first { return id }
        if ids.count > 1 {
          // Several records with this title: fine when they are one duplicate cluster (the resolver checks).
          let members = try access.latestDedupMembers()
          let primaries = Set(ids.map { id in members.first { $0.recordId == id }?.primaryRecord ?? id })
          if primaries.count == 1, let primary = primaries.first { return primary }
          throw ProjectError("\(origin): error: title matches several records (\(ids.joined(separator: ", ")))")
        }
      }
      throw ProjectError(
        "\(origin): error: no project record matches (doi \(doi ?? "–"), title \"\(title?.prefix(60) ?? "–")\")")
    }
  }
}
