import GRDB
import SiftCore

/// The SQLite store of a review project (see issue: review project store).
public enum SiftStoreInfo {
  public static let sqliteVersion: String = {
    (try? DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }) ?? "unknown"
  }()
}
