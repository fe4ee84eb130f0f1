import GRDB

extension StoreAccess {
  /// Every team server account, by name.
  public func reviewers() throws -> [ReviewerRow] {
    try ReviewerRow.order(sql: "name").fetchAll(db)
  }

  public func reviewer(named name: String) throws -> ReviewerRow? {
    try ReviewerRow.fetchOne(db, key: name)
  }

  /// Adds the account, or replaces the hash and role of an existing one of that name (its creation time stays).
  public func saveReviewer(_ row: ReviewerRow) throws {
    try db.execute(
      sql: """
        INSERT INTO reviewers (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
        """,
      arguments: [row.name, row.passwordHash, row.role, row.createdAt])
  }
}
