import SiftCore
import SiftScreen
import SiftStore

/// `sift status`: where the project stands, in counts only (nothing that unblinds a verdict).
public enum ProjectStatus {
  public static func text(project: Project) throws -> String {
    let review = project.review
    return try project.store.read { access in
      let snapshot = try ScreeningSnapshot(access: access, review: review)
      let imports = try access.imports()
      let total = snapshot.recordIDs.count
      let duplicates = snapshot.duplicateOf.count
      let automated = snapshot.recordIDs.filter {
        snapshot.duplicateOf[$0] == nil && !(snapshot.automation[$0] ?? []).isEmpty
      }
      .count
      var lines = [
        "\(review.title)",
        "records: \(total) from \(imports.count) files; duplicates: \(duplicates)"
          + (try access.latestDedupRun() == nil ? " (sift dedup not run yet)" : "")
          + "; excluded by automation: \(automated)",
      ]
      for stage in review.stages {
        let reached = snapshot.recordIDs.filter { snapshot.hasReached($0, stage: stage) }
        var states = (final: 0, conflict: 0, pending: 0)
        for id in reached {
          switch snapshot.state(id, stage: stage) {
          case .final: states.final += 1
          case .conflict: states.conflict += 1
          case .pending: states.pending += 1
          }
        }
        let perReviewer = review.reviewers.map { reviewer in
          "\(reviewer) \(reached.filter { snapshot.decisions[$0]?[stage]?[reviewer] != nil }.count)/\(reached.count)"
        }.joined(separator: ", ")
        lines.append(
          "\(stage.rawValue): \(reached.count) reached; decided: \(perReviewer); "
            + "final \(states.final), conflicts \(states.conflict), in progress \(states.pending)")
      }
      let notRetrieved = snapshot.notRetrieved.count
      var included = 0
      var studies: Set<String> = []
      for id in snapshot.recordIDs where snapshot.isScreenable(id) {
        if case .passed = snapshot.policy.outcome(
          decisions: snapshot.decisions[id] ?? [:], resolutions: snapshot.resolutions[id] ?? [:])
        {
          included += 1
          studies.insert(snapshot.studies[id] ?? id)
        }
      }
      lines.append(
        "full texts not retrieved: \(notRetrieved); included: \(included) reports of \(studies.count) studies")
      return lines.joined(separator: "\n")
    }
  }
}
