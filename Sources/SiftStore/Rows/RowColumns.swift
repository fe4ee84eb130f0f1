import GRDB

// Column-by-column reading and writing for the rows a project has by the hundred thousand (records and the
// de-duplication results). The `Codable` forms convert every key to snake case on every row; these name the
// columns once. Each must list exactly the columns of its table.

extension RecordRow {
  public init(row: Row) throws {
    self.init(
      id: try row.decode(forColumn: "id"), seq: try row.decode(forColumn: "seq"),
      importId: try row.decode(forColumn: "import_id"), fileIndex: try row.decode(forColumn: "file_index"),
      source: try row.decode(forColumn: "source"), doi: try row.decode(forColumn: "doi"),
      pmid: try row.decode(forColumn: "pmid"), accession: try row.decode(forColumn: "accession"),
      titleKey: try row.decode(forColumn: "title_key"), recordJson: try row.decode(forColumn: "record_json"))
  }

  public func encode(to container: inout PersistenceContainer) throws {
    container["id"] = id
    container["seq"] = seq
    container["import_id"] = importId
    container["file_index"] = fileIndex
    container["source"] = source
    container["doi"] = doi
    container["pmid"] = pmid
    container["accession"] = accession
    container["title_key"] = titleKey
    container["record_json"] = recordJson
  }
}

extension DedupMemberRow {
  public init(row: Row) throws {
    self.init(
      runId: try row.decode(forColumn: "run_id"), clusterId: try row.decode(forColumn: "cluster_id"),
      recordId: try row.decode(forColumn: "record_id"),
      primaryRecord: try row.decode(forColumn: "primary_record"), reason: try row.decode(forColumn: "reason"))
  }

  public func encode(to container: inout PersistenceContainer) throws {
    container["run_id"] = runId
    container["cluster_id"] = clusterId
    container["record_id"] = recordId
    container["primary_record"] = primaryRecord
    container["reason"] = reason
  }
}

extension DedupCandidateRow {
  public init(row: Row) throws {
    self.init(
      runId: try row.decode(forColumn: "run_id"), recordA: try row.decode(forColumn: "record_a"),
      recordB: try row.decode(forColumn: "record_b"), score: try row.decode(forColumn: "score"),
      reason: try row.decode(forColumn: "reason"))
  }

  public func encode(to container: inout PersistenceContainer) throws {
    container["run_id"] = runId
    container["record_a"] = recordA
    container["record_b"] = recordB
    container["score"] = score
    container["reason"] = reason
  }
}
