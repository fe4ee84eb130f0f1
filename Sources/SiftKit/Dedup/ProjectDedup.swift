import Foundation
import SiftCore
import SiftDedup
import SiftStore

/// `sift dedup` on a project: clusters every record, keeps a person's merges and splits across runs, and stores the
/// clusters (the latest run decides which records are duplicates).
public enum ProjectDedup {
  /// Stores the new overrides (`merge` pairs, `split` record ids, as R-ids), runs de-duplication over every record
  /// with the protocol's thresholds and every stored override, stores the run; returns the report. With `review`,
  /// the report lists the near-duplicate pairs left for a person. `projectPath` is the project folder or a folder
  /// inside it. The report ends with a line break.
  public static func run(
    projectPath: String, review: Bool = false, merge: [(String, String)] = [], split: [String] = []
  )
    throws -> String
  {
    let project = try Project.open(near: projectPath)
    let options = DedupOptions(settings: project.review.dedup)
    let time = SiftClock.now()
    return try project.store.write { access in
      func check(_ reference: String) throws -> String {
        guard let first = reference.first, first == "R" || first == "r", let n = Int(reference.dropFirst()), n > 0,
          try access.record(id: StoreAccess.recordID(seq: n)) != nil
        else { throw ProjectError("`\(reference)` is not a record of this project (write R000012)") }
        return StoreAccess.recordID(seq: n)
      }
      for (a, b) in merge {
        try access.addDedupOverride(kind: "merge", recordA: try check(a), recordB: try check(b), time: time)
      }
      for id in split { try access.addDedupOverride(kind: "split", recordA: try check(id), recordB: nil, time: time) }
      // One record at a time from the store, each reduced at once to what matching reads and then released, so
      // 100,000 records take about 300 MB.
      var records: [PreparedRecord] = []
      var rows: [(id: String, source: String)] = []
      try access.forEachRecord { row in
        rows.append((row.id, row.source))
        let record = try RecordJSON.decode(row, withFields: false)  // matching reads no verbatim field
        records.append(Deduplicator.prepare(DedupRecord(key: row.id, record: record)))
      }
      let overrides: [DedupOverride] = try access.dedupOverrides().compactMap { row in
        switch row.kind {
        case "merge": row.recordB.map { DedupOverride.merge(row.recordA, $0) }
        case "split": DedupOverride.split(row.recordA)
        default: nil
        }
      }
      var result = Deduplicator.run(prepared: records, options: options, overrides: overrides)
      // A cluster keeps a record that was already screened as its primary, so decisions are never orphaned when a
      // richer duplicate arrives in a later import.
      let screened = Set(try access.decisionHistory().map(\.recordId) + access.currentResolutions().map(\.recordId))
      result.clusters = result.clusters.map { keepScreenedPrimary($0, screened: screened) }
      var members: [DedupMemberRow] = []
      for cluster in result.clusters {
        for member in cluster.members {
          members.append(
            DedupMemberRow(
              clusterId: cluster.id, recordId: member.key, primaryRecord: cluster.primary, reason: member.reason))
        }
      }
      let candidates = result.maybe.map {
        DedupCandidateRow(recordA: $0.a, recordB: $0.b, score: $0.score, reason: $0.reason)
      }
      // Per-source counts before and after.
      let primaries = Set(result.clusters.map(\.primary))
      var before: [String: Int] = [:]
      var after: [String: Int] = [:]
      for row in rows {
        before[row.source, default: 0] += 1
        if primaries.contains(row.id) { after[row.source, default: 0] += 1 }
      }
      let summary: [String: [String: Int]] = ["before": before, "after": after]
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let summaryJSON = String(decoding: try encoder.encode(summary), as: UTF8.self)
      try access.addDedupRun(
        DedupRunRow(
          ranAt: time, mergeThreshold: options.mergeThreshold, reviewThreshold: options.reviewThreshold,
          summaryJson: summaryJSON),
        members: members, candidates: candidates)
      return report(
        rows: rows.count, primaries: primaries.count, before: before, after: after, clusters: result.clusters,
        candidates: candidates, overrides: overrides.count, review: review, options: options)
    }
  }

  /// The cluster with its primary moved to the first screened member when the chosen primary was never screened.
  static func keepScreenedPrimary(_ cluster: DuplicateCluster, screened: Set<String>) -> DuplicateCluster {
    guard cluster.members.count > 1, !screened.contains(cluster.primary),
      let keep = cluster.members.map(\.key).filter(screened.contains).min()
    else { return cluster }
    var members = cluster.members
    guard let index = members.firstIndex(where: { $0.key == keep }) else { return cluster }
    let kept = members.remove(at: index)
    members = members.map { member in
      member.reason == "primary"
        ? ClusterMember(key: member.key, reason: "richest record; \(keep) kept as screened") : member
    }
    members.insert(ClusterMember(key: kept.key, reason: "primary (already screened)"), at: 0)
    return DuplicateCluster(id: cluster.id, primary: keep, members: members)
  }

  static func report(
    rows: Int, primaries: Int, before: [String: Int], after: [String: Int], clusters: [DuplicateCluster],
    candidates: [DedupCandidateRow], overrides: Int, review: Bool, options: DedupOptions
  ) -> String {
    let multi = clusters.filter { $0.members.count > 1 }
    var lines = [
      "dedup: \(rows) records, \(rows - primaries) duplicates removed in \(multi.count) clusters, \(primaries) left"
        + " (merge ≥ \(String(format: "%.2f", options.mergeThreshold)), \(overrides) overrides applied)"
    ]
    for source in before.keys.sorted() {
      lines.append("  \(source): \(before[source] ?? 0) → \(after[source] ?? 0)")
    }
    lines.append(
      "\(candidates.count) near-duplicate pairs to check (score ≥ \(String(format: "%.2f", options.reviewThreshold)))")
    if review {
      for pair in candidates {
        lines.append("  \(pair.recordA) ~ \(pair.recordB)  \(String(format: "%.3f", pair.score))  \(pair.reason)")
      }
      if !candidates.isEmpty {
        lines.append("merge a pair: sift dedup --merge RA,RB; take a record out: sift dedup --split R")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
