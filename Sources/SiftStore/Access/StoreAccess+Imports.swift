import GRDB

/// A record to store, with the keys kept beside its JSON.
public struct NewRecord: Sendable {
  public var fileIndex: Int
  public var doi: String?
  public var pmid: String?
  public var accession: String?
  public var title: String?
  public var json: String
  /// The record's source name (database, register or other method).
  public var source: String
  public init(
    fileIndex: Int, doi: String?, pmid: String?, accession: String?, title: String?, json: String, source: String
  ) {
    self.source = source
    self.fileIndex = fileIndex
    self.doi = doi
    self.pmid = pmid
    self.accession = accession
    self.title = title
    self.json = json
  }
}

extension StoreAccess {
  /// The import of a file with this content, if any.
  public func importRow(sha256: String) throws -> ImportRow? {
    try ImportRow.filter(sql: "sha256 = ?", arguments: [sha256]).fetchOne(db)
  }

  /// Every import, oldest first.
  public func imports() throws -> [ImportRow] {
    try ImportRow.order(sql: "id").fetchAll(db)
  }

  /// Stores an import and its records (ids continue the project's sequence). Returns the stored import.
  @discardableResult
  public func addImport(_ row: ImportRow, records: [NewRecord]) throws -> ImportRow {
    var row = row
    row.id = try nextID("imports")
    row.recordsStored = records.count
    try row.insert(db)
    var seq = try nextRecordSeq()
    for record in records {
      try addRecord(record, importID: row.id, seq: seq)
      seq += 1
    }
    return row
  }

  /// Starts a streamed import: inserts `row` (its counts are set by ``finishImport(_:)``) and returns it with its id.
  public func beginImport(_ row: ImportRow) throws -> ImportRow {
    var row = row
    row.id = try nextID("imports")
    try row.insert(db)
    return row
  }

  /// The sequence number the next stored record gets.
  public func nextRecordSeq() throws -> Int {
    (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM records") ?? 0) + 1
  }

  /// Stores one record of the import `importID` as number `seq` (see ``nextRecordSeq()``).
  public func addRecord(_ record: NewRecord, importID: Int64, seq: Int) throws {
    // One cached statement for every record of an import (the `Codable` insert built its statement and converted
    // the column names to snake case for each record).
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO records (id, seq, import_id, file_index, source, doi, pmid, accession, title_key, record_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try statement.execute(arguments: [
      Self.recordID(seq: seq), seq, importID, record.fileIndex, record.source, record.doi, record.pmid,
      record.accession, Self.titleKey(record.title), record.json,
    ])
  }

  /// Writes the final counts and diagnostics of a streamed import.
  public func finishImport(_ row: ImportRow) throws {
    try row.update(db)
  }

  /// Calls `body` with each record in id order, one at a time (the whole table is never in memory).
  public func forEachRecord(_ body: (RecordRow) throws -> Void) throws {
    let cursor = try RecordRow.fetchCursor(db, sql: "SELECT * FROM records ORDER BY seq")
    while let row = try cursor.next() { try body(row) }
  }

  /// Every record, in id order.
  public func records() throws -> [RecordRow] {
    try RecordRow.order(sql: "seq").fetchAll(db)
  }

  /// Every record's id and source, in id order (without the record JSON).
  public func recordSources(recordIDs: [String]? = nil) throws -> [(id: String, source: String)] {
    var sql = "SELECT id, source FROM records"
    var arguments: StatementArguments = []
    if let recordIDs {
      sql += " WHERE id IN (\(Self.placeholders(recordIDs.count)))"
      arguments = StatementArguments(recordIDs)
    }
    return try Row.fetchAll(db, sql: sql + " ORDER BY seq", arguments: arguments).map { row in
      (id: row["id"] as String, source: row["source"] as String)
    }
  }

  public func record(id: String) throws -> RecordRow? {
    try RecordRow.fetchOne(db, key: id)
  }

  public func recordCount() throws -> Int {
    try RecordRow.fetchCount(db)
  }

  /// Ids of records whose `column` (`doi`, `pmid`, `accession`, `title_key`) equals `value`.
  public func recordIDs(where column: RecordKey, equals value: String) throws -> [String] {
    try String.fetchAll(db, sql: "SELECT id FROM records WHERE \(column.rawValue) = ? ORDER BY seq", arguments: [value])
  }

  /// The columns records can be looked up by.
  public enum RecordKey: String, Sendable {
    case doi, pmid, accession
    case titleKey = "title_key"
  }
}
