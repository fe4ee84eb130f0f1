import SiftStore

/// A reviewer's account on the team server.
public struct ReviewerAccount: Sendable, Hashable {
  /// The name decisions are recorded under (as in `sift screen --reviewer`).
  public var name: String
  /// The password hash as a PHC string (`$scrypt$ln=…,r=…,p=…$salt$hash`); never the password itself.
  public var passwordHash: String
  /// `reviewer`, or `adjudicator` (may also resolve conflicts).
  public var role: String
  public var createdAt: String

  public init(name: String, passwordHash: String, role: String, createdAt: String) {
    self.name = name
    self.passwordHash = passwordHash
    self.role = role
    self.createdAt = createdAt
  }

  init(_ row: ReviewerRow) {
    self.init(name: row.name, passwordHash: row.passwordHash, role: row.role, createdAt: row.createdAt)
  }

  var row: ReviewerRow {
    ReviewerRow(name: name, passwordHash: passwordHash, role: role, createdAt: createdAt)
  }
}

/// The store a team server runs on: the project's SQLite file, or PostgreSQL with the same schema and migrations.
/// Decisions and resolutions are append-only, as in ``SiftStore/StoreAccess``.
public protocol TeamStore: Sendable {
  /// Where the store is, for messages (`sqlite:/path/sift.sqlite`, `postgres://user@host:port/db`, no password).
  var location: String { get }
  /// Brings the schema up to date with the numbered migrations shared by both stores.
  func migrate() async throws
  /// Everything screening, agreement and PRISMA read, from one consistent snapshot.
  func projectRows() async throws -> ProjectRows
  /// One record's stored row.
  func record(id: String) async throws -> RecordRow?
  /// Appends a decision superseding the reviewer's previous one (see ``SiftStore/StoreAccess/appendDecision``);
  /// false when it repeats the current decision. Safe under concurrent callers: each decision is stored once.
  func appendDecision(
    recordID: String, stage: String, reviewer: String, verdict: String?, criteria: [String], note: String?,
    time: String
  ) async throws -> Bool
  /// Appends a resolution superseding the previous one; false when it repeats it.
  func appendResolution(
    recordID: String, stage: String, verdict: String, criteria: [String], by: String, note: String?, time: String
  ) async throws -> Bool
  /// Every decision ever recorded, oldest first.
  func decisionHistory() async throws -> [DecisionRow]
  func reviewer(named name: String) async throws -> ReviewerAccount?
  func reviewers() async throws -> [ReviewerAccount]
  /// Adds the account, or replaces the hash and role of an existing one of that name.
  func saveReviewer(_ account: ReviewerAccount) async throws
  /// Releases connections.
  func close() async throws

  // Added by teamstore (additive): reads for a few records, and what `sift store copy` needs.

  /// The rows of ``projectRows()`` for `only` these records (all when nil); imports are always all of them.
  func projectRows(only recordIDs: [String]?) async throws -> ProjectRows
  /// Records with these ids, in import order (unknown ids left out), e.g. for titles on the conflicts page.
  func records(ids: [String]) async throws -> [RecordRow]
  /// Every row of every table (for `sift store copy`).
  func dump() async throws -> StoreDump
  /// Inserts every row of `dump` with its ids, in one transaction; throws ``TeamStoreError`` when the store is not
  /// empty.
  func load(_ dump: StoreDump) async throws
  /// Row count of every table of ``SiftStore/StoreSchema/tables``.
  func tableCounts() async throws -> [String: Int]
}
