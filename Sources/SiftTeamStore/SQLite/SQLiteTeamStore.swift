import Foundation
import SiftStore

/// The team store on a project's SQLite file (`sift.sqlite`) through ``SiftStore/ProjectStore``: the default store of
/// `sift serve`, the same data `sift screen` writes.
public final class SQLiteTeamStore: TeamStore {
  public let store: ProjectStore
  public var location: String { "sqlite:\(store.path)" }

  /// Over an open project store.
  public init(store: ProjectStore) {
    self.store = store
  }

  /// Opens the SQLite file at `path` (with `create`, creates it with the current schema).
  public init(path: String, create: Bool = false) throws {
    store = try ProjectStore(path: path, create: create)
  }

  /// ``SiftStore/ProjectStore`` migrates when it opens; this only confirms the file is readable.
  public func migrate() async throws {
    _ = try await read { try $0.recordCount() }
  }

  public func projectRows() async throws -> ProjectRows {
    try await read { try $0.projectRows() }
  }

  public func projectRows(only recordIDs: [String]?) async throws -> ProjectRows {
    try await read { try $0.projectRows(only: recordIDs) }
  }

  public func record(id: String) async throws -> RecordRow? {
    try await read { try $0.record(id: id) }
  }

  public func records(ids: [String]) async throws -> [RecordRow] {
    try await read { try $0.records(ids: ids) }
  }

  public func appendDecision(
    recordID: String, stage: String, reviewer: String, verdict: String?, criteria: [String], note: String?,
    time: String
  ) async throws -> Bool {
    try await write {
      try $0.appendDecision(
        recordID: recordID, stage: stage, reviewer: reviewer, verdict: verdict, criteria: criteria, note: note,
        time: time)
    }
  }

  public func appendResolution(
    recordID: String, stage: String, verdict: String, criteria: [String], by: String, note: String?, time: String
  ) async throws -> Bool {
    try await write {
      try $0.appendResolution(
        recordID: recordID, stage: stage, verdict: verdict, criteria: criteria, by: by, note: note, time: time)
    }
  }

  public func decisionHistory() async throws -> [DecisionRow] {
    try await read { try $0.decisionHistory() }
  }

  public func reviewer(named name: String) async throws -> ReviewerAccount? {
    try await read { try $0.reviewer(named: name) }.map(ReviewerAccount.init)
  }

  public func reviewers() async throws -> [ReviewerAccount] {
    try await read { try $0.reviewers() }.map(ReviewerAccount.init)
  }

  public func saveReviewer(_ account: ReviewerAccount) async throws {
    let row = account.row
    try await write { try $0.saveReviewer(row) }
  }

  public func dump() async throws -> StoreDump {
    try await read { try $0.dump() }
  }

  public func load(_ dump: StoreDump) async throws {
    let location = location
    try await write { access in
      let filled = try access.tableCounts().filter { $0.value > 0 }
      guard filled.isEmpty else { throw StoreCopy.notEmpty(location: location, counts: filled) }
      try access.load(dump)
    }
  }

  public func tableCounts() async throws -> [String: Int] {
    try await read { try $0.tableCounts() }
  }

  /// Nothing to release: the file closes with the last reference.
  public func close() async throws {}

  /// GRDB blocks while it waits for the file; run that off the cooperative thread pool.
  private func read<T: Sendable>(_ body: @escaping @Sendable (StoreAccess) throws -> T) async throws -> T {
    let store = store
    return try await Self.offload { try store.read(body) }
  }

  private func write<T: Sendable>(_ body: @escaping @Sendable (StoreAccess) throws -> T) async throws -> T {
    let store = store
    return try await Self.offload { try store.write(body) }
  }

  private static func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
  }
}
