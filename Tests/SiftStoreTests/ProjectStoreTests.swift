import Foundation
import SiftStore
import TestSupport
import Testing

@Suite struct ProjectStoreTests {
  func newStore() throws -> ProjectStore {
    let dir = try Fixtures.temporaryDirectory("sift-store")
    return try ProjectStore(path: dir.appendingPathComponent("sift.sqlite").path, create: true)
  }

  func importRow(_ hash: String) -> ImportRow {
    ImportRow(
      path: "a.ris", sha256: hash, format: "ris", source: "Scopus", sourceColumn: "databases", recordsRead: 2,
      recordsStored: 0, recordsRejected: 0, diagnosticsJson: "[]", importedAt: "2024-01-01T00:00:00Z")
  }

  func newRecord(_ index: Int, doi: String? = nil) -> NewRecord {
    NewRecord(
      fileIndex: index, doi: doi, pmid: nil, accession: "ID\(index)", title: "A Title!", json: "{}", source: "Scopus")
  }

  @Test func recordIDsContinueAcrossImports() throws {
    let store = try newStore()
    try store.write { try $0.addImport(importRow("h1"), records: [newRecord(0), newRecord(1)]) }
    try store.write { try $0.addImport(importRow("h2"), records: [newRecord(0, doi: "10.1/x")]) }
    let records = try store.read { try $0.records() }
    #expect(records.map(\.id) == ["R000001", "R000002", "R000003"])
    #expect(records.map(\.importId) == [1, 1, 2])
    #expect(try store.read { try $0.recordIDs(where: .doi, equals: "10.1/x") } == ["R000003"])
    #expect(try store.read { try $0.recordIDs(where: .titleKey, equals: "atitle") }.count == 3)
  }

  @Test func sameContentHashIsRejectedByTheSchema() throws {
    let store = try newStore()
    try store.write { try $0.addImport(importRow("same"), records: [newRecord(0)]) }
    #expect(throws: StoreError.self) {
      try store.write { try $0.addImport(importRow("same"), records: [newRecord(0)]) }
    }
    #expect(try store.read { try $0.recordCount() } == 1)
    #expect(try store.read { try $0.importRow(sha256: "same") }?.recordsStored == 1)
  }

  struct Interrupted: Error {}

  @Test func aFailedTransactionLeavesNothing() throws {
    let store = try newStore()
    #expect(throws: Interrupted.self) {
      try store.write { access in
        try access.addImport(importRow("h"), records: (0..<100).map { newRecord($0) })
        throw Interrupted()
      }
    }
    #expect(try store.read { try $0.recordCount() } == 0)
    #expect(try store.read { try $0.imports() }.isEmpty)
  }

  @Test func decisionsAreAppendOnlyWithSupersedes() throws {
    let store = try newStore()
    try store.write { try $0.addImport(importRow("h"), records: [newRecord(0)]) }
    let first = try store.write {
      try $0.appendDecision(
        recordID: "R000001", stage: "title", reviewer: "A", verdict: "include", criteria: [], note: nil, time: "t1")
    }
    let repeated = try store.write {
      try $0.appendDecision(
        recordID: "R000001", stage: "title", reviewer: "A", verdict: "include", criteria: [], note: nil, time: "t2")
    }
    let changed = try store.write {
      try $0.appendDecision(
        recordID: "R000001", stage: "title", reviewer: "A", verdict: "exclude", criteria: ["E1", "E2"], note: "n",
        time: "t3")
    }
    #expect(first && !repeated && changed)
    let history = try store.read { try $0.decisionHistory() }
    #expect(history.count == 2)
    #expect(history[1].supersedes == history[0].id)
    let current = try store.read { try $0.currentDecisions() }
    #expect(current.count == 1)
    #expect(current.first?.verdict == "exclude")
    #expect(current.first?.criteria == "E1;E2")
    // Withdrawing (undo) leaves no current decision but keeps the history.
    try store.write {
      try $0.appendDecision(
        recordID: "R000001", stage: "title", reviewer: "A", verdict: nil, criteria: [], note: nil, time: "t4")
    }
    #expect(try store.read { try $0.currentDecisions() }.isEmpty)
    #expect(try store.read { try $0.decisionHistory() }.count == 3)
  }

  @Test func automationReplaceIsIdempotent() throws {
    let store = try newStore()
    try store.write { try $0.addImport(importRow("h"), records: [newRecord(0), newRecord(1)]) }
    let first = try store.write { try $0.replaceAutomation([["R000001", "E1"]], time: "t1") }
    let again = try store.write { try $0.replaceAutomation([["R000001", "E1"]], time: "t2") }
    #expect(first.added == 1 && again.added == 0 && again.removed == 0)
    #expect(try store.read { try $0.automationResults() }.first?.appliedAt == "t1")
    let changed = try store.write { try $0.replaceAutomation([["R000002", "E2"]], time: "t3") }
    #expect(changed.added == 1 && changed.removed == 1)
  }

  @Test func missingDatabaseSaysRunInit() throws {
    let dir = try Fixtures.temporaryDirectory("sift-store")
    let error = #expect(throws: StoreError.self) {
      try ProjectStore(path: dir.appendingPathComponent("sift.sqlite").path)
    }
    #expect(error?.code == .notFound)
    #expect(error?.description.contains("sift init") == true)
  }

  @Test func corruptDatabaseIsNamedClearly() throws {
    let dir = try Fixtures.temporaryDirectory("sift-store")
    let path = dir.appendingPathComponent("sift.sqlite").path
    try Data(String(repeating: "not a database ", count: 400).utf8).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: StoreError.self) { try ProjectStore(path: path) }
    #expect(error?.code == .corrupt)
    #expect(error?.description.contains("not a readable Sift database") == true)
  }

  @Test func reopeningKeepsData() throws {
    let dir = try Fixtures.temporaryDirectory("sift-store")
    let path = dir.appendingPathComponent("sift.sqlite").path
    do {
      let store = try ProjectStore(path: path, create: true)
      try store.write { try $0.addImport(importRow("h"), records: [newRecord(0)]) }
    }
    let reopened = try ProjectStore(path: path)
    #expect(try reopened.read { try $0.recordCount() } == 1)
  }

  @Test(arguments: [(1, "R000001"), (42, "R000042"), (999_999, "R999999"), (1_000_000, "R1000000")])
  func recordIDFormat(seq: Int, id: String) {
    #expect(StoreAccess.recordID(seq: seq) == id)
  }
}

@Suite struct ProjectStoreLockTests {
  /// While one connection writes, another that cannot wait long enough gets a clear "locked" error, and nothing of
  /// its transaction is stored.
  @Test func lockedDatabaseIsNamedClearly() throws {
    let dir = try Fixtures.temporaryDirectory("sift-store")
    let path = dir.appendingPathComponent("sift.sqlite").path
    let holder = try ProjectStore(path: path, create: true)
    let waiter = try ProjectStore(path: path, busyTimeout: 0.2)
    let row = ImportRow(
      path: "a", sha256: "x", format: nil, source: "S", sourceColumn: "databases", recordsRead: 0, recordsStored: 0,
      recordsRejected: 0, diagnosticsJson: "[]", importedAt: "t")
    var caught: StoreError?
    try holder.write { access in
      try access.addImport(row, records: [])
      do {
        try waiter.write { try $0.appendFulltext(recordID: "R1", path: nil, url: nil, notRetrieved: true, time: "t") }
      } catch let error as StoreError {
        caught = error
      }
    }
    #expect(caught?.code == .busy)
    #expect(caught?.description.contains("locked by another process") == true)
    #expect(try waiter.read { try $0.imports() }.count == 1)
    #expect(try waiter.read { try $0.currentFulltexts() }.isEmpty)
  }
}
