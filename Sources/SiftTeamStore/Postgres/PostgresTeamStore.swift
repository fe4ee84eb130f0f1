import Foundation
import Logging
import PostgresNIO
import SiftStore

/// The team store on PostgreSQL 15 (through PostgresNIO's `PostgresClient`), with the schema of the project's SQLite
/// file (``PostgresDialect``). Appends are serialised per table with a lock, so concurrent reviewers never lose or
/// duplicate a decision and each supersedes chain stays a chain.
public final class PostgresTeamStore: TeamStore {
  public let location: String
  let client: PostgresClient
  let logger: Logger
  private let runner: Task<Void, Never>
  /// Seconds a first connection may take before ``migrate()`` gives up.
  let connectTimeout: Double

  /// Connects lazily to `url` (`postgres://user:password@host:port/database`); call ``migrate()`` before use
  /// (``TeamStores/open(store:projectPath:create:)`` does).
  public init(url: String, maximumConnections: Int = 20, connectTimeout: Double = 15) throws {
    let target = try PostgresLocation(url: url)
    location = target.description
    var configuration = PostgresClient.Configuration(
      host: target.host, port: target.port, username: target.user, password: target.password,
      database: target.database, tls: .disable)
    configuration.options.maximumConnections = max(1, maximumConnections)
    let logger = Logger(label: "sift.teamstore", factory: { _ in SwiftLogNoOpLogHandler() })
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.logger = logger
    self.client = client
    self.connectTimeout = connectTimeout
    runner = Task { await client.run() }
  }

  deinit {
    runner.cancel()
  }

  // MARK: Schema

  /// Applies the migrations not yet in `schema_migrations`, each with its bookkeeping row, in one transaction under
  /// an advisory lock (two servers starting at once migrate once).
  public func migrate() async throws {
    try await withTimeout(connectTimeout) { [self] in
      try await transaction { connection in
        try await connection.query("SELECT pg_advisory_xact_lock(7310431)", logger: self.logger)
        try await connection.query(
          PostgresQuery(
            unsafeSQL:
              "CREATE TABLE IF NOT EXISTS \(PostgresDialect.migrationsTable) (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
          ), logger: self.logger)
        var applied: Set<String> = []
        for row in try await connection.query(
          PostgresQuery(unsafeSQL: "SELECT id FROM \(PostgresDialect.migrationsTable)"), logger: self.logger
        ).collect() {
          applied.insert(try row.decode(String.self))
        }
        for migration in PostgresDialect.migrations where !applied.contains(migration.id) {
          for statement in migration.statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
          }
          let id = migration.id
          let now = Self.now()
          try await connection.query(
            "INSERT INTO schema_migrations (id, applied_at) VALUES (\(id), \(now))", logger: self.logger)
        }
      }
    }
  }

  /// The ids of the applied migrations, in the order they were applied.
  public func appliedMigrations() async throws -> [String] {
    try await run {
      try await self.client.query("SELECT id FROM schema_migrations ORDER BY applied_at, id", logger: self.logger)
        .collect().map { try $0.decode(String.self) }
    }
  }

  // MARK: Reads

  public func projectRows() async throws -> ProjectRows {
    try await projectRows(only: nil)
  }

  public func projectRows(only recordIDs: [String]?) async throws -> ProjectRows {
    try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { connection in
      let logger = self.logger
      let imports = try await connection.query(
        "SELECT * FROM imports ORDER BY id", logger: logger
      ).collect().map(PostgresRows.importRow)
      let sources = try await connection.query(
        "SELECT id, source FROM records WHERE (\(recordIDs)::text[] IS NULL OR id = ANY(\(recordIDs))) ORDER BY seq",
        logger: logger
      ).collect().map { row in
        let (id, source) = try row.decode((String, String).self)
        return ProjectRows.RecordSource(id: id, source: source)
      }
      var members: [DedupMemberRow] = []
      let latest = try await connection.query("SELECT MAX(id) FROM dedup_runs", logger: logger).collect()
      if let run = try latest.first?.decode(Int64?.self) ?? nil {
        members = try await connection.query(
          """
          SELECT * FROM dedup_members WHERE run_id = \(run)
          AND (\(recordIDs)::text[] IS NULL OR record_id = ANY(\(recordIDs)))
          ORDER BY cluster_id COLLATE "C", record_id COLLATE "C"
          """, logger: logger
        ).collect().map(PostgresRows.dedupMemberRow)
      }
      let automation = try await connection.query(
        """
        SELECT * FROM automation_results WHERE (\(recordIDs)::text[] IS NULL OR record_id = ANY(\(recordIDs)))
        ORDER BY record_id COLLATE "C", criterion COLLATE "C"
        """, logger: logger
      ).collect().map(PostgresRows.automationRow)
      let decisions = try await connection.query(
        """
        SELECT d.* FROM decisions d
        WHERE NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes = d.id) AND d.verdict IS NOT NULL
        AND (\(recordIDs)::text[] IS NULL OR d.record_id = ANY(\(recordIDs)))
        ORDER BY d.record_id COLLATE "C", d.stage COLLATE "C", d.reviewer COLLATE "C"
        """, logger: logger
      ).collect().map(PostgresRows.decisionRow)
      let resolutions = try await connection.query(
        """
        SELECT r.* FROM resolutions r
        WHERE NOT EXISTS (SELECT 1 FROM resolutions n WHERE n.supersedes = r.id)
        AND (\(recordIDs)::text[] IS NULL OR r.record_id = ANY(\(recordIDs)))
        ORDER BY r.record_id COLLATE "C", r.stage COLLATE "C"
        """, logger: logger
      ).collect().map(PostgresRows.resolutionRow)
      let fulltexts = try await connection.query(
        """
        SELECT f.* FROM fulltexts f
        WHERE f.id = (SELECT MAX(g.id) FROM fulltexts g WHERE g.record_id = f.record_id)
        AND (\(recordIDs)::text[] IS NULL OR f.record_id = ANY(\(recordIDs)))
        ORDER BY f.record_id COLLATE "C"
        """, logger: logger
      ).collect().map(PostgresRows.fulltextRow)
      let links = try await connection.query(
        """
        SELECT * FROM study_links WHERE (\(recordIDs)::text[] IS NULL OR record_id = ANY(\(recordIDs)))
        ORDER BY record_id COLLATE "C"
        """, logger: logger
      ).collect().map(PostgresRows.studyLinkRow)
      return ProjectRows(
        imports: imports, recordSources: sources, dedupMembers: members, automation: automation,
        decisions: decisions, resolutions: resolutions, fulltexts: fulltexts, studyLinks: links)
    }
  }

  public func record(id: String) async throws -> RecordRow? {
    try await records(ids: [id]).first
  }

  public func records(ids: [String]) async throws -> [RecordRow] {
    try await run {
      try await self.client.query("SELECT * FROM records WHERE id = ANY(\(ids)) ORDER BY seq", logger: self.logger)
        .collect().map(PostgresRows.recordRow)
    }
  }

  public func decisionHistory() async throws -> [DecisionRow] {
    try await run {
      try await self.client.query("SELECT * FROM decisions ORDER BY id", logger: self.logger).collect()
        .map(PostgresRows.decisionRow)
    }
  }

  public func reviewer(named name: String) async throws -> ReviewerAccount? {
    try await run {
      try await self.client.query("SELECT * FROM reviewers WHERE name = \(name)", logger: self.logger).collect()
        .map(PostgresRows.reviewerRow).first.map(ReviewerAccount.init)
    }
  }

  public func reviewers() async throws -> [ReviewerAccount] {
    try await run {
      try await self.client.query("SELECT * FROM reviewers ORDER BY name COLLATE \"C\"", logger: self.logger)
        .collect().map(PostgresRows.reviewerRow).map(ReviewerAccount.init)
    }
  }

  // MARK: Writes

  public func appendDecision(
    recordID: String, stage: String, reviewer: String, verdict: String?, criteria: [String], note: String?,
    time: String
  ) async throws -> Bool {
    let joined = criteria.joined(separator: ";")
    return try await transaction { connection in
      let logger = self.logger
      // Self-conflicting and held to COMMIT: one appender at a time computes "previous" and the next id; plain
      // reads (projectRows) are not blocked.
      try await connection.query("LOCK TABLE decisions IN SHARE ROW EXCLUSIVE MODE", logger: logger)
      let previous = try await connection.query(
        """
        SELECT * FROM decisions WHERE record_id = \(recordID) AND stage = \(stage) AND reviewer = \(reviewer)
        ORDER BY id DESC LIMIT 1
        """, logger: logger
      ).collect().first.map(PostgresRows.decisionRow)
      if StoreAccess.decisionRepeats(previous: previous, verdict: verdict, criteria: joined, note: note) {
        return false
      }
      let id = try await Self.nextID("decisions", connection: connection, logger: logger)
      let supersedes = previous?.id
      try await connection.query(
        """
        INSERT INTO decisions (id, record_id, stage, reviewer, verdict, criteria, note, decided_at, supersedes)
        VALUES (\(id), \(recordID), \(stage), \(reviewer), \(verdict), \(joined), \(note), \(time), \(supersedes))
        """, logger: logger)
      return true
    }
  }

  public func appendResolution(
    recordID: String, stage: String, verdict: String, criteria: [String], by: String, note: String?, time: String
  ) async throws -> Bool {
    let joined = criteria.joined(separator: ";")
    return try await transaction { connection in
      let logger = self.logger
      try await connection.query("LOCK TABLE resolutions IN SHARE ROW EXCLUSIVE MODE", logger: logger)
      let previous = try await connection.query(
        "SELECT * FROM resolutions WHERE record_id = \(recordID) AND stage = \(stage) ORDER BY id DESC LIMIT 1",
        logger: logger
      ).collect().first.map(PostgresRows.resolutionRow)
      if StoreAccess.resolutionRepeats(previous: previous, verdict: verdict, criteria: joined, by: by, note: note) {
        return false
      }
      let id = try await Self.nextID("resolutions", connection: connection, logger: logger)
      let supersedes = previous?.id
      try await connection.query(
        """
        INSERT INTO resolutions (id, record_id, stage, verdict, criteria, resolved_by, note, resolved_at, supersedes)
        VALUES (\(id), \(recordID), \(stage), \(verdict), \(joined), \(by), \(note), \(time), \(supersedes))
        """, logger: logger)
      return true
    }
  }

  public func saveReviewer(_ account: ReviewerAccount) async throws {
    try await run {
      _ = try await self.client.query(
        """
        INSERT INTO reviewers (name, password_hash, role, created_at)
        VALUES (\(account.name), \(account.passwordHash), \(account.role), \(account.createdAt))
        ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
        """, logger: self.logger
      ).collect()
    }
  }

  // MARK: Copy

  public func dump() async throws -> StoreDump {
    try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { connection in
      let logger = self.logger
      func all(_ sql: String) async throws -> [PostgresRow] {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
      }
      return StoreDump(
        imports: try await all("SELECT * FROM imports ORDER BY id").map(PostgresRows.importRow),
        records: try await all("SELECT * FROM records ORDER BY seq").map(PostgresRows.recordRow),
        dedupRuns: try await all("SELECT * FROM dedup_runs ORDER BY id").map(PostgresRows.dedupRunRow),
        dedupMembers: try await all("SELECT * FROM dedup_members ORDER BY run_id, record_id COLLATE \"C\"")
          .map(PostgresRows.dedupMemberRow),
        dedupCandidates: try await all(
          "SELECT * FROM dedup_candidates ORDER BY run_id, record_a COLLATE \"C\", record_b COLLATE \"C\""
        ).map(PostgresRows.dedupCandidateRow),
        dedupOverrides: try await all("SELECT * FROM dedup_overrides ORDER BY id").map(PostgresRows.dedupOverrideRow),
        automation: try await all(
          "SELECT * FROM automation_results ORDER BY record_id COLLATE \"C\", criterion COLLATE \"C\""
        ).map(PostgresRows.automationRow),
        decisions: try await all("SELECT * FROM decisions ORDER BY id").map(PostgresRows.decisionRow),
        resolutions: try await all("SELECT * FROM resolutions ORDER BY id").map(PostgresRows.resolutionRow),
        fulltexts: try await all("SELECT * FROM fulltexts ORDER BY id").map(PostgresRows.fulltextRow),
        studyLinks: try await all("SELECT * FROM study_links ORDER BY record_id COLLATE \"C\"")
          .map(PostgresRows.studyLinkRow),
        reviewers: try await all("SELECT * FROM reviewers ORDER BY name COLLATE \"C\"").map(PostgresRows.reviewerRow)
      )
    }
  }

  public func load(_ dump: StoreDump) async throws {
    let location = location
    try await transaction { connection in
      let logger = self.logger
      for table in StoreSchema.tables {
        try await connection.query(
          PostgresQuery(unsafeSQL: "LOCK TABLE \(table) IN SHARE ROW EXCLUSIVE MODE"), logger: logger)
      }
      let filled = try await Self.counts(connection: connection, logger: logger).filter { $0.value > 0 }
      guard filled.isEmpty else { throw StoreCopy.notEmpty(location: location, counts: filled) }
      for statement in PostgresRows.inserts(dump) {
        try await connection.query(statement, logger: logger)
      }
    }
  }

  public func tableCounts() async throws -> [String: Int] {
    try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { connection in
      try await Self.counts(connection: connection, logger: self.logger)
    }
  }

  public func close() async throws {
    runner.cancel()
    await runner.value
  }

  // MARK: Helpers

  static func counts(connection: PostgresConnection, logger: Logger) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in StoreSchema.tables {
      let rows = try await connection.query(
        PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"), logger: logger
      ).collect()
      counts[table] = Int(try rows.first?.decode(Int64.self) ?? 0)
    }
    return counts
  }

  static func nextID(_ table: String, connection: PostgresConnection, logger: Logger) async throws -> Int64 {
    let rows = try await connection.query(
      PostgresQuery(unsafeSQL: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)"), logger: logger
    ).collect()
    return try rows.first?.decode(Int64.self) ?? 1
  }

  /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
  func transaction<T: Sendable>(
    _ begin: String = "BEGIN", _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    try await run {
      try await self.client.withConnection { connection in
        try await connection.query(PostgresQuery(unsafeSQL: begin), logger: self.logger)
        do {
          let value = try await body(connection)
          try await connection.query("COMMIT", logger: self.logger)
          return value
        } catch {
          _ = try? await connection.query("ROLLBACK", logger: self.logger)
          throw error
        }
      }
    }
  }

  /// Runs `body`, translating PostgreSQL errors into ``TeamStoreError``s that name the store and the cause.
  func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      throw describe(error)
    }
  }

  func describe(_ error: any Error) -> any Error {
    if error is TeamStoreError || error is CancellationError { return error }
    if let error = error as? PSQLError {
      if let message = error.serverInfo?[.message] {
        let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
        return TeamStoreError(location: location, message: "PostgreSQL: \(message)\(detail)")
      }
      switch error.code {
      case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed:
        let cause = error.underlying.map { ": \($0)" } ?? ""
        return TeamStoreError(
          location: location,
          message: "cannot talk to PostgreSQL\(cause); is the server running and the URL right?")
      default:
        return TeamStoreError(location: location, message: String(reflecting: error))
      }
    }
    return TeamStoreError(location: location, message: "\(error)")
  }

  /// Runs `body`, failing with a clear message when it takes longer than `seconds` (an unreachable server).
  func withTimeout(_ seconds: Double, _ body: @escaping @Sendable () async throws -> Void) async throws {
    let location = location
    try await withThrowingTaskGroup(of: Bool.self) { group in
      group.addTask {
        try await body()
        return true
      }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        return false
      }
      guard let finished = try await group.next() else { return }
      group.cancelAll()
      if !finished {
        throw TeamStoreError(
          location: location,
          message:
            "no answer from PostgreSQL within \(Int(seconds)) s; is the server running and the URL right?"
            + " (a throwaway one for tests: Tests/Scripts/postgres.sh start)")
      }
    }
  }

  static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}

extension PostgresTeamStore {
  /// Creates database `name` (letters, digits, `_`) on the server of `url`, owned by the URL's user, and returns
  /// its URL: fresh databases for tests and the load benchmark.
  public static func createDatabase(_ name: String, url: String) async throws -> String {
    try await administer(url: url, sql: "CREATE DATABASE \(try quoted(name, url: url))")
    var components = URLComponents(string: url)
    components?.path = "/" + name
    return components?.string ?? url
  }

  /// Drops database `name` on the server of `url`, closing its connections (`WITH (FORCE)`); nothing when missing.
  public static func dropDatabase(_ name: String, url: String) async throws {
    try await administer(url: url, sql: "DROP DATABASE IF EXISTS \(try quoted(name, url: url)) WITH (FORCE)")
  }

  private static func quoted(_ name: String, url: String) throws -> String {
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
      throw TeamStoreError(
        location: PostgresLocation.redacted(url), message: "database name `\(name)`: use letters, digits and _")
    }
    return "\"\(name)\""
  }

  private static func administer(url: String, sql: String) async throws {
    let store = try PostgresTeamStore(url: url, maximumConnections: 1)
    do {
      try await store.run {
        _ = try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: store.logger).collect()
      }
    } catch {
      try? await store.close()
      throw error
    }
    try await store.close()
  }
}
