import Foundation
import GRDB

/// The SQLite store of a review project (`sift.sqlite`, WAL mode), safe for several processes at once.
public final class ProjectStore: Sendable {
  /// The database file.
  public let path: String
  private let pool: DatabasePool

  /// Seconds a write waits for another process's write to finish: `$SIFT_BUSY_TIMEOUT`, else 30.
  public static var defaultBusyTimeout: Double {
    ProcessInfo.processInfo.environment["SIFT_BUSY_TIMEOUT"].flatMap(Double.init) ?? 30
  }

  /// Opens (or with `create`, creates) the store at `path` and brings its schema up to date. A write waits up to
  /// `busyTimeout` seconds for other writers before failing with ``StoreError/Code/busy``.
  public init(path: String, create: Bool = false, busyTimeout: Double = ProjectStore.defaultBusyTimeout)
    throws(StoreError)
  {
    self.path = path
    if !create, !FileManager.default.fileExists(atPath: path) {
      throw StoreError(.notFound, path: path, message: "no project database here; run `sift init` first")
    }
    var config = Configuration()
    // Wait for other writers instead of failing at once.
    config.busyMode = .timeout(busyTimeout)
    config.foreignKeysEnabled = true
    do {
      pool = try DatabasePool(path: path, configuration: config)
      try StoreMigrations.migrator.migrate(pool)
    } catch let error as DatabaseError {
      throw StoreError.from(error, path: path)
    } catch {
      throw StoreError(.other, path: path, message: "\(error)")
    }
  }

  /// Reads in a snapshot.
  public func read<T>(_ body: (StoreAccess) throws -> T) throws -> T {
    do {
      return try pool.read { db in try body(StoreAccess(db: db)) }
    } catch let error as DatabaseError {
      throw StoreError.from(error, path: path)
    }
  }

  /// Runs `body` in one immediate write transaction: all of it is stored, or (on any error) none of it.
  public func write<T>(_ body: (StoreAccess) throws -> T) throws -> T {
    do {
      return try pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(StoreAccess(db: db))
          return .commit
        }
        guard let result else { throw StoreError(.other, path: path, message: "transaction produced no result") }
        return result
      }
    } catch let error as DatabaseError {
      throw StoreError.from(error, path: path)
    }
  }
}
