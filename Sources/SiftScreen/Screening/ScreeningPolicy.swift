import SiftCore

/// The screening rules of a protocol: the stages in order, the reviewers, and how `maybe` counts.
///
/// A record reaches a stage only when the previous stage's final verdict passes it. The final verdict at a stage is the
/// resolution when there is one, else the common verdict when every reviewer has decided and they agree.
public struct ScreeningPolicy: Sendable, Hashable {
  public var stages: [Stage]
  public var reviewers: [String]
  /// Whether `maybe` counts as include for progress and conflicts (protocol default: true).
  public var maybeCountsAsInclude: Bool
  /// Criterion ids in protocol order (used to order and check reasons).
  public var criterionIDs: [String]

  public init(stages: [Stage], reviewers: [String], maybeCountsAsInclude: Bool = true, criterionIDs: [String] = []) {
    self.stages = stages
    self.reviewers = reviewers
    self.maybeCountsAsInclude = maybeCountsAsInclude
    self.criterionIDs = criterionIDs
  }

  /// The policy a protocol describes.
  public init(_ review: ReviewProtocol) {
    self.init(
      stages: review.stages, reviewers: review.reviewers,
      maybeCountsAsInclude: review.screening?.maybeCountsAsInclude ?? true,
      criterionIDs: review.criteria.map(\.id))
  }

  /// Whether a final verdict lets the record go on to the next stage.
  public func passes(_ verdict: Verdict) -> Bool {
    switch verdict {
    case .include: true
    case .maybe: maybeCountsAsInclude
    case .exclude: false
    }
  }

  /// The verdict as compared for conflicts and agreement: `maybe` becomes `include` when it counts as include.
  public func effective(_ verdict: Verdict) -> Verdict {
    verdict == .maybe && maybeCountsAsInclude ? .include : verdict
  }

  /// The state of one record at one stage from its reviewers' current decisions (by reviewer) and its resolution.
  public func state(decisions: [String: ReviewerDecision], resolution: Resolution?) -> StageState {
    if let resolution {
      return .final(verdict: resolution.verdict, criteria: ordered(resolution.criteria), resolved: true)
    }
    let missing = reviewers.filter { decisions[$0] == nil }
    if !missing.isEmpty { return .pending(missing: missing) }
    let verdicts = reviewers.compactMap { decisions[$0]?.verdict }
    let effectiveVerdicts = Set(verdicts.map(effective))
    guard effectiveVerdicts.count == 1, let common = effectiveVerdicts.first else { return .conflict }
    if common == .maybe { return .conflict }
    // Agreeing on exclusion: the reasons are every reason given.
    let criteria = common == .exclude ? ordered(reviewers.flatMap { decisions[$0]?.criteria ?? [] }) : []
    // include + maybe agree as include; all `maybe` (counting as include) stays `maybe` on record.
    let verdict: Verdict = Set(verdicts).count == 1 ? verdicts[0] : common
    return .final(verdict: verdict, criteria: criteria, resolved: false)
  }

  /// Walks the stages for one record. `decisions[stage][reviewer]` and `resolutions[stage]` are its current ones.
  public func outcome(decisions: [Stage: [String: ReviewerDecision]], resolutions: [Stage: Resolution])
    -> ScreeningOutcome
  {
    for stage in stages {
      let state = state(decisions: decisions[stage] ?? [:], resolution: resolutions[stage])
      guard case .final(let verdict, let criteria, _) = state else { return .at(stage: stage, state: state) }
      if !passes(verdict) { return .excluded(stage: stage, criteria: criteria) }
    }
    return .passed
  }

  /// Whether a record with these decisions has reached `stage` (passed every stage before it).
  public func hasReached(
    _ stage: Stage, decisions: [Stage: [String: ReviewerDecision]], resolutions: [Stage: Resolution]
  ) -> Bool {
    guard let index = stages.firstIndex(of: stage) else { return false }
    for earlier in stages[..<index] {
      let state = state(decisions: decisions[earlier] ?? [:], resolution: resolutions[earlier])
      guard let verdict = state.finalVerdict, passes(verdict) else { return false }
    }
    return true
  }

  /// Criterion ids de-duplicated and in protocol order (unknown ids last, sorted).
  public func ordered(_ ids: [String]) -> [String] {
    let unique = Set(ids)
    let known = criterionIDs.filter { unique.contains($0) }
    return known + unique.subtracting(known).sorted()
  }
}
