import Foundation
import SiftStore
import SiftTeamStore
import Testing

/// The PostgreSQL the tests may use: `$SIFT_TEST_POSTGRES_URL` (start one with `Tests/Scripts/postgres.sh start`).
enum TestPostgres {
  static let url: String? = {
    let value = ProcessInfo.processInfo.environment["SIFT_TEST_POSTGRES_URL"] ?? ""
    return value.isEmpty ? nil : value
  }()
  /// In CI the PostgreSQL cases run, and fail without a server, rather than being skipped.
  static let isCI: Bool = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
  /// Whether the PostgreSQL cases are in the parameter lists.
  static var enabled: Bool { url != nil || isCI }
  static let skipReason: Comment =
    "SIFT_TEST_POSTGRES_URL is unset: the PostgreSQL cases are skipped (start one with Tests/Scripts/postgres.sh start and export its URL; with CI set they fail instead)"
}

/// The two stores every case runs against.
enum StoreKind: String, Sendable, CustomTestStringConvertible {
  case sqlite, postgres

  var testDescription: String { rawValue }

  /// SQLite always; PostgreSQL when configured (or in CI, where a missing server fails the case).
  static var all: [StoreKind] { TestPostgres.enabled ? [.sqlite, .postgres] : [.sqlite] }
}

/// A new empty store of `kind`, migrated; `cleanup` closes it and removes its file or database.
struct ScratchStore: Sendable {
  let store: any TeamStore
  let cleanup: @Sendable () async -> Void

  static func make(_ kind: StoreKind) async throws -> ScratchStore {
    switch kind {
    case .sqlite:
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sift-teamstore-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let store = try SQLiteTeamStore(path: folder.appendingPathComponent("sift.sqlite").path, create: true)
      return ScratchStore(store: store) { try? FileManager.default.removeItem(at: folder) }
    case .postgres:
      guard let base = TestPostgres.url else {
        throw TeamStoreError(
          location: "SIFT_TEST_POSTGRES_URL",
          message:
            "unset while CI is set: PostgreSQL cases must run in CI; start one with Tests/Scripts/postgres.sh start")
      }
      let name = "sift_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
      let url = try await PostgresTeamStore.createDatabase(String(name), url: base)
      let store = try await TeamStores.open(store: url, projectPath: "/nonexistent")
      return ScratchStore(store: store) {
        try? await store.close()
        try? await PostgresTeamStore.dropDatabase(String(name), url: base)
      }
    }
  }
}

/// Runs `body` with a fresh store of `kind`, cleaning up afterwards even when it throws.
func withScratchStore(_ kind: StoreKind, _ body: (any TeamStore) async throws -> Void) async throws {
  let scratch = try await ScratchStore.make(kind)
  do {
    try await body(scratch.store)
  } catch {
    await scratch.cleanup()
    throw error
  }
  await scratch.cleanup()
}
