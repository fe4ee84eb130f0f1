import SiftCore

/// Where a record stands at one stage.
public enum StageState: Sendable, Hashable {
  /// Not every reviewer has decided; `missing` lists who has not, in protocol order.
  case pending(missing: [String])
  /// Every reviewer decided and they disagree (or, when `maybe` is not an include, all said `maybe`).
  case conflict
  /// The stage's final verdict: from agreement or from a resolution.
  case final(verdict: Verdict, criteria: [String], resolved: Bool)

  /// The final verdict, when there is one.
  public var finalVerdict: Verdict? {
    if case .final(let verdict, _, _) = self { return verdict }
    return nil
  }
}

/// Where a record stands across the stages.
public enum ScreeningOutcome: Sendable, Hashable {
  /// At `stage`, not finished there (pending or in conflict).
  case at(stage: Stage, state: StageState)
  /// Excluded at `stage` for `criteria`.
  case excluded(stage: Stage, criteria: [String])
  /// Passed every stage.
  case passed
}
