import Foundation
import SiftCore
import SiftKit
import SiftStore
import Testing

@testable import SiftTeamStore

/// The same cases against the SQLite and the PostgreSQL store.
@Suite struct TeamStoreTests {
  @Test(.disabled(if: !TestPostgres.enabled, TestPostgres.skipReason))
  func postgresIsConfigured() throws {
    // Runs when the PostgreSQL cases do; in CI without a URL this is the case that says why they fail.
    #expect(TestPostgres.url != nil, "SIFT_TEST_POSTGRES_URL must be set when CI is set")
  }

  @Test(arguments: StoreKind.all)
  func migrateIsIdempotent(kind: StoreKind) async throws {
    try await withScratchStore(kind) { store in
      try await store.migrate()
      try await store.migrate()
      let counts = try await store.tableCounts()
      #expect(counts.keys.sorted() == StoreSchema.tables.sorted())
      #expect(counts.values.allSatisfy { $0 == 0 })
      if let postgres = store as? PostgresTeamStore {
        #expect(try await postgres.appliedMigrations() == StoreSchema.migrations.map { $0.id })
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func projectRowsEqualTheSQLiteView(kind: StoreKind) async throws {
    let seed = try SeedProject()
    try await withScratchStore(kind) { store in
      try await seed.store(into: store)
      let rows = try await store.projectRows()
      let expected = try seed.rows()
      #expect(rows == expected)
      #expect(!rows.decisions.isEmpty && !rows.resolutions.isEmpty && !rows.dedupMembers.isEmpty)
      #expect(!rows.fulltexts.isEmpty && !rows.studyLinks.isEmpty && !rows.automation.isEmpty)
      let some = Array(seed.decided.prefix(3)) + ["R999999"]
      #expect(try await store.projectRows(only: some) == (try seed.rows(only: some)))
      #expect(try await store.decisionHistory() == (try seed.project.store.read { try $0.decisionHistory() }))
      let record = try #require(try await store.record(id: seed.decided[0]))
      #expect(record == (try seed.project.store.read { try $0.record(id: seed.decided[0]) }))
      #expect(try await store.record(id: "R999999") == nil)
      #expect(
        try await store.records(ids: [seed.decided[1], seed.decided[0]]).map(\.id) == seed.decided.prefix(2).map { $0 })
    }
  }

  @Test(arguments: StoreKind.all)
  func appendSemantics(kind: StoreKind) async throws {
    let seed = try SeedProject()
    try await withScratchStore(kind) { store in
      try await seed.store(into: store)
      let id = seed.decided[2]
      let stage = Stage.titleAbstract.rawValue
      let time = "2024-04-01T09:00:00Z"
      func append(_ verdict: String?, _ criteria: [String] = [], note: String? = nil) async throws -> Bool {
        try await store.appendDecision(
          recordID: id, stage: stage, reviewer: "zoe", verdict: verdict, criteria: criteria, note: note, time: time)
      }
      #expect(try await append(nil) == false, "withdrawing nothing stores nothing")
      #expect(try await append("include") == true)
      #expect(try await append("include") == false, "a repeat stores nothing")
      #expect(try await append("exclude", ["E1"], note: "why") == true)
      #expect(try await append("exclude", ["E1"], note: "why") == false)
      var mine = try await store.decisionHistory().filter { $0.reviewer == "zoe" }
      #expect(mine.count == 2)
      #expect(mine[0].supersedes == nil && mine[1].supersedes == mine[0].id)
      #expect(mine[1].criteria == "E1" && mine[1].note == "why" && mine[1].verdict == "exclude")
      #expect(try await store.projectRows().decisions.filter { $0.reviewer == "zoe" } == [mine[1]])
      #expect(try await append(nil) == true, "a withdrawal is appended")
      #expect(try await append(nil) == false)
      mine = try await store.decisionHistory().filter { $0.reviewer == "zoe" }
      #expect(mine.count == 3 && mine[2].verdict == nil && mine[2].supersedes == mine[1].id)
      #expect(try await store.projectRows().decisions.contains { $0.reviewer == "zoe" } == false)

      func resolve(_ verdict: String, by: String) async throws -> Bool {
        try await store.appendResolution(
          recordID: id, stage: stage, verdict: verdict, criteria: [], by: by, note: nil, time: time)
      }
      #expect(try await resolve("include", by: "ana") == true)
      #expect(try await resolve("include", by: "ana") == false)
      #expect(try await resolve("exclude", by: "ben") == true)
      let resolution = try #require(try await store.projectRows().resolutions.first { $0.recordId == id })
      #expect(resolution.verdict == "exclude" && resolution.resolvedBy == "ben" && resolution.supersedes != nil)
    }
  }

  @Test(arguments: StoreKind.all)
  func concurrentAppendsAreEachStoredOnce(kind: StoreKind) async throws {
    let seed = try SeedProject()
    try await withScratchStore(kind) { store in
      try await seed.store(into: store)
      let before = try await store.decisionHistory()
      let records = try await store.projectRows().recordSources.map(\.id).prefix(50)
      let ids = Array(records)
      // 20 writers, two per reviewer (racing on the same supersedes chains), 50 new decisions each.
      let added = try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<20 {
          group.addTask {
            var added = 0
            for index in 0..<50 {
              let stored = try await store.appendDecision(
                recordID: ids[index % ids.count], stage: "title", reviewer: "load\(writer % 10)",
                verdict: index % 2 == 0 ? "include" : "exclude", criteria: [], note: "w\(writer)-\(index)",
                time: "2024-05-01T00:00:00Z")
              if stored { added += 1 }
            }
            return added
          }
        }
        return try await group.reduce(0, +)
      }
      #expect(added == 1000)
      let history = try await store.decisionHistory()
      #expect(history.count == before.count + 1000)
      #expect(Set(history.map(\.id)).count == history.count, "no duplicate ids")
      let notes = history.compactMap(\.note).filter { $0.hasPrefix("w") }
      #expect(Set(notes).count == 1000, "every decision stored once")
      // Each reviewer's decisions on a record form one chain: each supersedes the one before it.
      let chains = Dictionary(grouping: history.filter { $0.stage == "title" }) { "\($0.recordId)|\($0.reviewer)" }
      for (key, chain) in chains {
        let ordered = chain.sorted { $0.id < $1.id }
        #expect(ordered.first?.supersedes == nil, "\(key) starts a chain")
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
          #expect(next.supersedes == previous.id, "\(key): \(next.id) supersedes \(previous.id)")
        }
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func reviewersAreSavedAndReplaced(kind: StoreKind) async throws {
    try await withScratchStore(kind) { store in
      #expect(try await store.reviewer(named: "ana") == nil)
      let ana = ReviewerAccount(
        name: "ana", passwordHash: "$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA", role: "reviewer",
        createdAt: "2024-01-01T00:00:00Z")
      try await store.saveReviewer(ana)
      try await store.saveReviewer(
        ReviewerAccount(name: "ben", passwordHash: "$scrypt$x", role: "adjudicator", createdAt: "2024-01-02T00:00:00Z"))
      #expect(try await store.reviewer(named: "ana") == ana)
      try await store.saveReviewer(
        ReviewerAccount(
          name: "ana", passwordHash: "$scrypt$new", role: "adjudicator", createdAt: "2025-01-01T00:00:00Z"))
      let replaced = try #require(try await store.reviewer(named: "ana"))
      #expect(replaced.passwordHash == "$scrypt$new" && replaced.role == "adjudicator")
      #expect(replaced.createdAt == "2024-01-01T00:00:00Z", "the account keeps its creation time")
      #expect(try await store.reviewers().map(\.name) == ["ana", "ben"])
      #expect(try await store.tableCounts()["reviewers"] == 2)
    }
  }

  @Test(arguments: StoreKind.all)
  func loadRefusesANonEmptyStore(kind: StoreKind) async throws {
    let seed = try SeedProject()
    try await withScratchStore(kind) { store in
      try await seed.store(into: store)
      let error = await #expect(throws: TeamStoreError.self) { try await seed.store(into: store) }
      #expect(error?.description.contains("not empty") == true)
      let records = try seed.dump().records.count
      #expect(error?.description.contains("records \(records)") == true)
    }
  }
}
