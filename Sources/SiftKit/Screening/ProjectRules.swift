import SiftCore
import SiftScreen
import SiftStore

/// `sift rules`: applies the protocol's automatic rules to every record and stores which fail (idempotent).
public enum ProjectRules {
  /// Applies the rules; returns the report `sift rules` prints.
  public static func run(project: Project) throws -> String {
    let review = project.review
    let ruled = review.criteria.filter { $0.rule != nil }
    let time = SiftClock.now()
    return try project.store.write { access in
      var results: Set<[String]> = []
      for row in try access.records() {
        let record = try RecordJSON.decode(row)
        for id in RuleEvaluator.failedCriteria(record, criteria: ruled) { results.insert([row.id, id]) }
      }
      let (added, removed) = try access.replaceAutomation(results, time: time)
      let snapshot = try ScreeningSnapshot(access: access, review: review)
      let primaries = snapshot.recordIDs.filter { snapshot.duplicateOf[$0] == nil }
      var lines: [String] = []
      if ruled.isEmpty { lines.append("the protocol has no criteria with a `rule`; nothing to apply") }
      lines.append("rules: \(primaries.count) records checked (duplicates left out)")
      var excluded = 0
      for criterion in ruled {
        // A record failing several rules counts under the first (protocol order), as PRISMA counts it once.
        let count = primaries.filter { snapshot.automation[$0]?.first == criterion.id }.count
        excluded += count
        lines.append("  \(criterion.id) \(criterion.label): \(count) excluded by automation")
      }
      lines.append(
        "excluded by automation: \(excluded); left for screening: \(primaries.count - excluded)"
          + " (\(added) new, \(removed) no longer excluded since the last run)")
      return lines.joined(separator: "\n")
    }
  }
}
