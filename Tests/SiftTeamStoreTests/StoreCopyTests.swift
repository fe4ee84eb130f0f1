import Foundation
import SiftStore
import Testing

@testable import SiftTeamStore

@Suite struct StoreCopyTests {
  /// SQLite → the store of `kind` → a new SQLite file: every row of every table comes back equal.
  @Test(arguments: StoreKind.all)
  func roundTrip(kind: StoreKind) async throws {
    let seed = try SeedProject()
    let source = SQLiteTeamStore(store: seed.project.store)
    let backFolder = seed.root.appendingPathComponent("back")
    try await withScratchStore(kind) { middle in
      let there = try await StoreCopy.run(from: source, to: middle)
      let original = try seed.dump()
      #expect(there.counts["records"] == [original.records.count, original.records.count])
      #expect(there.counts["decisions"] == [original.decisions.count, original.decisions.count])
      #expect(there.decisionsSHA256 == StoreCopy.decisionsDigest(original.decisions))
      #expect(there.decisionsSHA256.count == 64)
      #expect(try await middle.dump() == original)

      let back = try await TeamStores.open(store: backFolder.path, projectPath: seed.root.path, create: true)
      let again = try await StoreCopy.run(from: middle, to: back)
      #expect(again.decisionsSHA256 == there.decisionsSHA256)
      #expect(try await back.dump() == original)
      #expect(try await back.projectRows() == (try seed.rows()))
      #expect(again.description.contains("decisions: \(original.decisions.count) → \(original.decisions.count)"))

      // A second copy into the now non-empty target is refused and changes nothing.
      let error = await #expect(throws: TeamStoreError.self) { _ = try await StoreCopy.run(from: source, to: middle) }
      #expect(error?.message.contains("not empty") == true)
      #expect(try await middle.tableCounts() == (try await source.tableCounts()))
    }
  }

  @Test func digestIsOrderIndependentAndSeesEveryField() {
    let a = DecisionRow(
      id: 1, recordId: "R000001", stage: "title", reviewer: "ana", verdict: "include", criteria: "", note: nil,
      decidedAt: "2024-01-01T00:00:00Z", supersedes: nil)
    var b = a
    b.id = 2
    b.verdict = nil
    b.supersedes = 1
    #expect(StoreCopy.decisionsDigest([a, b]) == StoreCopy.decisionsDigest([b, a]))
    var noted = b
    noted.note = ""
    #expect(StoreCopy.decisionsDigest([a, b]) != StoreCopy.decisionsDigest([a, noted]), "nil and empty differ")
    #expect(StoreCopy.decisionsDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func openChoosesTheStore() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sift-open-\(UUID().uuidString)")
    let created = try await TeamStores.open(store: nil, projectPath: folder.path, create: true)
    #expect(created.location == "sqlite:" + folder.appendingPathComponent("sift.sqlite").path)
    let again = try await TeamStores.open(store: "sqlite:" + folder.path, projectPath: "/elsewhere")
    #expect(again.location == created.location)
    let missing = await #expect(throws: StoreError.self) {
      _ = try await TeamStores.open(store: nil, projectPath: folder.appendingPathComponent("none").path)
    }
    #expect(missing?.message.contains("sift init") == true)
    let bad = await #expect(throws: TeamStoreError.self) {
      _ = try await TeamStores.open(store: "postgres://@127.0.0.1/x", projectPath: folder.path)
    }
    #expect(bad?.message.contains("no user") == true)
    try? FileManager.default.removeItem(at: folder)
  }

  @Test func postgresURLsParseAndHideThePassword() throws {
    let location = try PostgresLocation(url: "postgresql://sift:s%40cret@db.example:6543/reviews")
    #expect(location.user == "sift" && location.password == "s@cret" && location.port == 6543)
    #expect(location.database == "reviews" && location.description == "postgres://sift@db.example:6543/reviews")
    #expect(try PostgresLocation(url: "postgres://me@localhost").database == "me")
    #expect(throws: TeamStoreError.self) { try PostgresLocation(url: "mysql://a@b/c") }
  }

  @Test func migrationsTranslateTypesForPostgres() {
    let sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, score REAL NOT NULL, integers_note TEXT, ref INTEGER)"
    #expect(
      PostgresDialect.translate(sql)
        == "CREATE TABLE t (id BIGINT PRIMARY KEY, score DOUBLE PRECISION NOT NULL, integers_note TEXT, ref BIGINT)")
    #expect(PostgresDialect.migrations.map { $0.id } == ["v1-project", "v2-reviewers"])
    #expect(PostgresDialect.migrations.allSatisfy { $0.statements.allSatisfy { !$0.contains("INTEGER") } })
  }

  @Test func unreachablePostgresFailsClearly() async throws {
    let store = try PostgresTeamStore(url: "postgres://sift:sift@127.0.0.1:9/sift", connectTimeout: 3)
    let error = await #expect(throws: TeamStoreError.self) { try await store.migrate() }
    #expect(error?.location == "postgres://sift@127.0.0.1:9/sift")
    #expect(error?.description.contains("sift:sift") == false, "never prints the password")
    try await store.close()
  }
}
