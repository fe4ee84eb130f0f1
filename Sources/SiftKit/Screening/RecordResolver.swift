import SiftCore
import SiftStore

/// Finds the project record a reference names: `R000012` (or `R12`), `doi:10.…`, `pmid:…`, `id:…` (the record's own
/// id in its file); a key matching several records of one duplicate cluster names its primary record.
struct RecordResolver {
  let access: StoreAccess

  /// The primary record of `id`'s duplicate cluster.
  func primary(_ id: String) throws -> String {
    try access.primaryRecord(of: id)
  }

  func resolve(_ reference: String) throws -> String {
    let text = reference.trimmingSpaces
    let lower = text.lowercased()
    let candidates: [String]
    let what: String
    if lower.hasPrefix("doi:") {
      let raw = String(text.dropFirst(4))
      guard let doi = Identifier.normalizeDOI(raw) else { throw ProjectError("`\(text)` is not a DOI (10.…)") }
      candidates = try access.recordIDs(where: .doi, equals: doi)
      what = "DOI \(doi)"
    } else if lower.hasPrefix("pmid:") {
      let pmid = String(text.dropFirst(5)).trimmingSpaces
      candidates = try access.recordIDs(where: .pmid, equals: pmid)
      what = "PMID \(pmid)"
    } else if lower.hasPrefix("id:") {
      let accession = String(text.dropFirst(3)).trimmingSpaces
      candidates = try access.recordIDs(where: .accession, equals: accession)
      what = "record id \(accession)"
    } else if lower.hasPrefix("10."), let doi = Identifier.normalizeDOI(text) {
      candidates = try access.recordIDs(where: .doi, equals: doi)
      what = "DOI \(doi)"
    } else if let first = text.first, first == "R" || first == "r", let number = Int(text.dropFirst()), number > 0 {
      let id = StoreAccess.recordID(seq: number)
      guard try access.record(id: id) != nil else {
        throw ProjectError("no record \(id) in this project (`sift import` assigns R000001…)")
      }
      return id
    } else {
      throw ProjectError(
        "`\(text)` does not name a record; write R000012, doi:10.…, pmid:12345678 or id:<the record's id in its file>")
    }
    let primaries = Set(try candidates.map(primary))
    guard let only = primaries.first else { throw ProjectError("no record with \(what) in this project") }
    guard primaries.count == 1 else {
      throw ProjectError(
        "\(what) matches several records that are not duplicates of each other (\(primaries.sorted().joined(separator: ", "))); name one by its R-id"
      )
    }
    return only
  }
}
