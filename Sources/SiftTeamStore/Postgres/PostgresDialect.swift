import SiftStore

/// The shared migrations (``SiftStore/StoreSchema``) as PostgreSQL runs them. The SQL is the same, with two type
/// translations so values round-trip exactly: `INTEGER` → `BIGINT` (SQLite integers are 64-bit; PostgreSQL's INTEGER is
/// 32-bit) and `REAL` → `DOUBLE PRECISION` (SQLite REAL is 8 bytes; PostgreSQL's REAL is 4).
public enum PostgresDialect {
  /// The bookkeeping table: one row per applied migration (GRDB keeps `grdb_migrations` in SQLite).
  public static let migrationsTable = "schema_migrations"

  /// `statement` with SQLite's portable types replaced by their exact PostgreSQL equivalents.
  public static func translate(_ statement: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      out += word == "INTEGER" ? "BIGINT" : word == "REAL" ? "DOUBLE PRECISION" : word
      word = ""
    }
    for character in statement {
      if character.isLetter || character.isNumber || character == "_" {
        word.append(character)
      } else {
        flush()
        out.append(character)
      }
    }
    flush()
    return out
  }

  /// Every migration with its statements translated, in order.
  public static var migrations: [(id: String, statements: [String])] {
    StoreSchema.migrations.map { (id: $0.id, statements: $0.statements.map(translate)) }
  }
}
