import SiftCore

/// Agreement of two reviewers at one stage.
public struct PairAgreement: Sendable, Hashable {
  public var stage: Stage
  public var first: String
  public var second: String
  public var table: AgreementTable
  public var statistics: AgreementStatistics

  /// One entry per stage (protocol order) and reviewer pair (protocol order), over the records both decided.
  /// Verdicts are compared as ``ScreeningPolicy/effective(_:)``: with `maybe` counting as include the table is
  /// include/exclude, otherwise include/exclude/maybe.
  public static func compute(policy: ScreeningPolicy, decisions: [ReviewerDecision]) -> [PairAgreement] {
    let categories: [Verdict] = policy.maybeCountsAsInclude ? [.include, .exclude] : [.include, .exclude, .maybe]
    var byStage: [Stage: [String: [String: Verdict]]] = [:]
    for decision in decisions {
      byStage[decision.stage, default: [:]][decision.reviewer, default: [:]][decision.recordID] = policy.effective(
        decision.verdict)
    }
    var result: [PairAgreement] = []
    for stage in policy.stages {
      let verdicts = byStage[stage] ?? [:]
      for (i, first) in policy.reviewers.enumerated() {
        for second in policy.reviewers[(i + 1)...] {
          let a = verdicts[first] ?? [:]
          let b = verdicts[second] ?? [:]
          let pairs = a.keys.sorted().compactMap { id -> (Verdict, Verdict)? in
            guard let x = a[id], let y = b[id] else { return nil }
            return (x, y)
          }
          let table = AgreementTable(categories: categories, pairs: pairs)
          result.append(
            PairAgreement(
              stage: stage, first: first, second: second, table: table, statistics: AgreementStatistics(table)))
        }
      }
    }
    return result
  }
}
