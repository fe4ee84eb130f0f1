import SiftCore

/// Why a decision cannot be recorded.
public struct DecisionProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Checks a decision against the protocol before it is recorded.
public enum DecisionCheck {
  /// Throws when the reviewer is not a protocol reviewer, a criterion id is unknown, the stage is not a protocol stage,
  /// or an exclusion at full text names no criterion.
  public static func check(
    reviewer: String?, stage: Stage, verdict: Verdict, criteria: [String], review: ReviewProtocol
  ) throws(DecisionProblem) {
    if let reviewer, !review.reviewers.contains(reviewer) {
      throw DecisionProblem(
        "`\(reviewer)` is not a reviewer of this protocol (reviewers: \(review.reviewers.joined(separator: ", ")))")
    }
    guard review.stages.contains(stage) else {
      throw DecisionProblem(
        "stage `\(stage.rawValue)` is not in the protocol (stages: \(review.stages.map(\.rawValue).joined(separator: ", ")))"
      )
    }
    let known = Set(review.criteria.map(\.id))
    let unknown = criteria.filter { !known.contains($0) }
    if !unknown.isEmpty {
      throw DecisionProblem(
        "unknown criterion \(unknown.map { "`\($0)`" }.joined(separator: ", ")) (protocol criteria: \(review.criteria.map(\.id).joined(separator: ", ")))"
      )
    }
    if verdict == .exclude, stage == .fullText, criteria.isEmpty {
      throw DecisionProblem("an exclusion at full-text needs at least one criterion (e.g. E1)")
    }
  }
}
