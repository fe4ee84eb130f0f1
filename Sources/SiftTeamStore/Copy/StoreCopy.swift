import SiftStore

/// What `sift store copy` did: each table's row count on both sides and the checksum of the decisions.
public struct StoreCopyReport: Sendable, Hashable, CustomStringConvertible {
  public var from: String
  public var to: String
  /// Table → (rows in the source, rows in the target after the copy), every table of ``SiftStore/StoreSchema``.
  public var counts: [String: [Int]]
  /// SHA-256 of every decision in id order (``StoreCopy/decisionsDigest(_:)``), equal on both sides.
  public var decisionsSHA256: String

  /// One line per table in dependency order, then the checksum.
  public var description: String {
    var lines = ["copied \(from) → \(to)"]
    for table in StoreSchema.tables {
      let pair = counts[table] ?? [0, 0]
      lines.append("  \(table): \(pair[0]) → \(pair.count > 1 ? pair[1] : 0)")
    }
    lines.append("decisions SHA-256 \(decisionsSHA256) on both sides")
    return lines.joined(separator: "\n")
  }
}

/// `sift store copy`: moves a project between SQLite and PostgreSQL without loss.
public enum StoreCopy {
  /// Copies every row of every table of `source` into `target` (which must be empty; it is migrated first), in one
  /// transaction, then compares each table's row count and the SHA-256 of the decisions on both sides; throws when
  /// anything differs.
  public static func run(from source: any TeamStore, to target: any TeamStore) async throws -> StoreCopyReport {
    try await source.migrate()
    try await target.migrate()
    let filled = try await target.tableCounts().filter { $0.value > 0 }
    guard filled.isEmpty else { throw notEmpty(location: target.location, counts: filled) }
    let dump = try await source.dump()
    try await target.load(dump)
    let before = try await source.tableCounts()
    let after = try await target.tableCounts()
    var counts: [String: [Int]] = [:]
    var differences: [String] = []
    for table in StoreSchema.tables {
      let pair = [before[table] ?? 0, after[table] ?? 0]
      counts[table] = pair
      if pair[0] != pair[1] || pair[0] != dump.counts[table] {
        differences.append("\(table): \(pair[0]) rows in the source, \(pair[1]) in the target")
      }
    }
    let sourceDigest = decisionsDigest(try await source.decisionHistory())
    let targetDigest = decisionsDigest(try await target.decisionHistory())
    if sourceDigest != targetDigest {
      differences.append("decisions SHA-256 differs: \(sourceDigest) in the source, \(targetDigest) in the target")
    }
    guard differences.isEmpty else {
      throw TeamStoreError(
        location: target.location,
        message: "the copy does not match its source (was the source written to during the copy?): "
          + differences.joined(separator: "; ") + "; empty the target and copy again")
    }
    return StoreCopyReport(from: source.location, to: target.location, counts: counts, decisionsSHA256: sourceDigest)
  }

  /// SHA-256 (hex) of the decisions in id order, each as its fields separated by U+001F (a missing value as U+0000),
  /// one decision per line: independent of the store they were read from.
  public static func decisionsDigest(_ decisions: [DecisionRow]) -> String {
    var text = ""
    for row in decisions.sorted(by: { $0.id < $1.id }) {
      let fields: [String?] = [
        String(row.id), row.recordId, row.stage, row.reviewer, row.verdict, row.criteria, row.note, row.decidedAt,
        row.supersedes.map { String($0) },
      ]
      text += fields.map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}") + "\n"
    }
    return SHA256.hex(Array(text.utf8))
  }

  /// The error for a target that already holds rows.
  static func notEmpty(location: String, counts: [String: Int]) -> TeamStoreError {
    let listed = StoreSchema.tables.compactMap { table in counts[table].map { "\(table) \($0)" } }
      .joined(separator: ", ")
    return TeamStoreError(
      location: location,
      message: "the target store is not empty (\(listed)); copy into a new empty database or project, "
        + "nothing was copied")
  }
}
