import Foundation
import SiftCore
import SiftExtract
import SiftStore

/// The included studies of a project's store (`sift.sqlite`), as the skeleton of an extraction template.
enum ExtractionIncluded {
  /// Studies numbered 1, 2, … in the order their first report was imported, one row each (the study number),
  /// labelled by the study name the full-text decisions gave (else "Family et al. (year)"), linked to their
  /// records; nil when the project has no store or nothing is included yet.
  static func skeleton(projectDirectory: URL) throws(ExtractionProject.Failure) -> Extraction? {
    let database = projectDirectory.appendingPathComponent(Project.databaseFile)
    guard FileManager.default.fileExists(atPath: database.path) else { return nil }
    do {
      let project = try Project(root: projectDirectory.path)
      let flow = try ProjectFlow.load(project: project)
      var order: [String] = []
      var reports: [String: [String]] = [:]
      for record in flow.records {
        guard case .included(let study) = record.fate else { continue }
        let key = study ?? record.id
        if reports[key] == nil { order.append(key) }
        reports[key, default: []].append(record.id)
      }
      guard !order.isEmpty else { return nil }
      return try project.store.read { access in
        var extraction = Extraction()
        for (index, key) in order.enumerated() {
          let id = String(index + 1)
          var links: [String] = []
          var label: String?
          for recordID in reports[key] ?? [] {
            guard let row = try access.record(id: recordID) else { continue }
            links.append(link(row))
            if label == nil, key == recordID { label = citation(try RecordJSON.decode(row)) }
          }
          extraction.studies.append(
            Study(id: id, label: label ?? key, records: links, rows: [Row(id: id)]))
        }
        return extraction
      }
    } catch {
      throw ExtractionProject.Failure("cannot read the included studies from \(database.path): \(error)")
    }
  }

  /// `id:<own id>` when the record has one, else `doi:…`, else the project id.
  static func link(_ row: RecordRow) -> String {
    if let accession = row.accession, !accession.isEmpty { return "id:\(accession)" }
    if let doi = row.doi, !doi.isEmpty { return "doi:\(doi)" }
    return row.id
  }

  /// "Family (year)", "A and B (year)", "A et al. (year)".
  static func citation(_ record: Record) -> String? {
    let families = record.authors.map(\.family).filter { !$0.isEmpty }
    guard let first = families.first else { return record.title }
    var text: String
    switch families.count {
    case 1: text = first
    case 2: text = "\(first) and \(families[1])"
    default: text = "\(first) et al."
    }
    if let year = record.year { text += " (\(year))" }
    return text
  }
}
