import GRDB

/// The store's schema as numbered migrations, shared by SQLite (``ProjectStore``) and PostgreSQL (SiftTeamStore).
/// Plain SQL with portable types (TEXT, INTEGER, REAL) and explicit integer keys. Never edit a migration that
/// shipped; add one at the end.
public enum StoreSchema {
  /// Every migration in the order it is applied: its id (recorded once applied) and its statements.
  public static let migrations: [(id: String, statements: [String])] = [
    (id: "v1-project", statements: StoreMigrations.v1),
    (id: "v2-reviewers", statements: StoreMigrations.v2),
  ]

  /// The tables in dependency order (a table only references tables before it): the order a copy inserts in.
  public static let tables: [String] = [
    "imports", "records", "dedup_runs", "dedup_members", "dedup_candidates", "dedup_overrides",
    "automation_results", "decisions", "resolutions", "fulltexts", "study_links", "reviewers",
  ]
}

/// The migrations as GRDB applies them to the project's SQLite file.
enum StoreMigrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for migration in StoreSchema.migrations {
      let statements = migration.statements
      migrator.registerMigration(migration.id) { db in
        for statement in statements { try db.execute(sql: statement) }
      }
    }
    return migrator
  }

  /// Team server accounts (`sift reviewer add`): the password hash only, never the password.
  static let v2: [String] = [
    """
    CREATE TABLE reviewers (
      name TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL
    )
    """
  ]

  static let v1: [String] = [
    """
    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      format TEXT,
      source TEXT NOT NULL,
      source_column TEXT NOT NULL,
      records_read INTEGER NOT NULL,
      records_stored INTEGER NOT NULL,
      records_rejected INTEGER NOT NULL,
      diagnostics_json TEXT NOT NULL,
      imported_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE records (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      import_id INTEGER NOT NULL REFERENCES imports(id),
      file_index INTEGER NOT NULL,
      source TEXT NOT NULL,
      doi TEXT,
      pmid TEXT,
      accession TEXT,
      title_key TEXT,
      record_json TEXT NOT NULL
    )
    """,
    "CREATE INDEX records_doi ON records(doi)",
    "CREATE INDEX records_pmid ON records(pmid)",
    "CREATE INDEX records_accession ON records(accession)",
    "CREATE INDEX records_title_key ON records(title_key)",
    """
    CREATE TABLE dedup_runs (
      id INTEGER PRIMARY KEY,
      ran_at TEXT NOT NULL,
      merge_threshold REAL NOT NULL,
      review_threshold REAL NOT NULL,
      summary_json TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE dedup_members (
      run_id INTEGER NOT NULL REFERENCES dedup_runs(id),
      cluster_id TEXT NOT NULL,
      record_id TEXT NOT NULL REFERENCES records(id),
      primary_record TEXT NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (run_id, record_id)
    )
    """,
    """
    CREATE TABLE dedup_candidates (
      run_id INTEGER NOT NULL REFERENCES dedup_runs(id),
      record_a TEXT NOT NULL,
      record_b TEXT NOT NULL,
      score REAL NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (run_id, record_a, record_b)
    )
    """,
    """
    CREATE TABLE dedup_overrides (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
      record_a TEXT NOT NULL REFERENCES records(id),
      record_b TEXT REFERENCES records(id),
      created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE automation_results (
      record_id TEXT NOT NULL REFERENCES records(id),
      criterion TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      PRIMARY KEY (record_id, criterion)
    )
    """,
    """
    CREATE TABLE decisions (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id),
      stage TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      verdict TEXT CHECK (verdict IN ('include', 'exclude', 'maybe')),
      criteria TEXT NOT NULL,
      note TEXT,
      decided_at TEXT NOT NULL,
      supersedes INTEGER REFERENCES decisions(id)
    )
    """,
    "CREATE INDEX decisions_record_stage ON decisions(record_id, stage, reviewer)",
    "CREATE INDEX decisions_supersedes ON decisions(supersedes)",
    """
    CREATE TABLE resolutions (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id),
      stage TEXT NOT NULL,
      verdict TEXT NOT NULL CHECK (verdict IN ('include', 'exclude', 'maybe')),
      criteria TEXT NOT NULL,
      resolved_by TEXT NOT NULL,
      note TEXT,
      resolved_at TEXT NOT NULL,
      supersedes INTEGER REFERENCES resolutions(id)
    )
    """,
    "CREATE INDEX resolutions_record_stage ON resolutions(record_id, stage)",
    "CREATE INDEX resolutions_supersedes ON resolutions(supersedes)",
    """
    CREATE TABLE fulltexts (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES records(id),
      path TEXT,
      url TEXT,
      not_retrieved INTEGER NOT NULL,
      recorded_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE study_links (
      record_id TEXT PRIMARY KEY REFERENCES records(id),
      study TEXT NOT NULL,
      linked_at TEXT NOT NULL
    )
    """,
  ]
}
