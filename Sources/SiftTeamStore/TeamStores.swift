import Foundation
import SiftStore

/// Opens the store a team server runs on.
public enum TeamStores {
  /// The project's database file name (as `Project.databaseFile` in SiftKit).
  public static let databaseFile = "sift.sqlite"

  /// `store` nil → the SQLite file of the project at `projectPath`; `postgres://user:pass@host:port/db` (or
  /// `postgresql://`) → PostgreSQL, migrated; anything else is a path: a project folder (its `sift.sqlite`), or an
  /// SQLite file (`sqlite:` prefix allowed). With `create`, a missing SQLite file is created (the target of
  /// `sift store copy`).
  public static func open(store: String?, projectPath: String, create: Bool = false) async throws -> any TeamStore {
    guard let store, !store.isEmpty else {
      return try SQLiteTeamStore(path: sqlitePath(projectPath, create: create), create: create)
    }
    if isPostgres(store) {
      let postgres = try PostgresTeamStore(url: store)
      do {
        try await postgres.migrate()
      } catch {
        try? await postgres.close()
        throw error
      }
      return postgres
    }
    let path = store.hasPrefix("sqlite:") ? String(store.dropFirst("sqlite:".count)) : store
    return try SQLiteTeamStore(path: sqlitePath(path, create: create), create: create)
  }

  /// Whether `store` is a PostgreSQL URL.
  public static func isPostgres(_ store: String) -> Bool {
    let lower = store.lowercased()
    return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
  }

  /// The SQLite file meant by `path`: the `sift.sqlite` in it when it is a folder (or, with `create`, a new folder:
  /// any path not ending in `.sqlite`/`.db`), else `path` itself.
  public static func sqlitePath(_ path: String, create: Bool = false) throws -> String {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      return isDirectory.boolValue ? (path as NSString).appendingPathComponent(databaseFile) : path
    }
    guard create else { return (path as NSString).appendingPathComponent(databaseFile) }
    let lower = path.lowercased()
    if lower.hasSuffix(".sqlite") || lower.hasSuffix(".db") { return path }
    try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
    return (path as NSString).appendingPathComponent(databaseFile)
  }
}
