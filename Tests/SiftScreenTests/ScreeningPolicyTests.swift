import SiftCore
import Testing

@testable import SiftScreen

@Suite struct ScreeningPolicyTests {
  let policy = ScreeningPolicy(
    stages: [.title, .abstract, .fullText], reviewers: ["CML", "LJ"], criterionIDs: ["I1", "E1", "E2"])

  func decision(_ reviewer: String, _ verdict: Verdict, _ stage: Stage = .title, criteria: [String] = [])
    -> ReviewerDecision
  {
    ReviewerDecision(recordID: "R1", stage: stage, reviewer: reviewer, verdict: verdict, criteria: criteria, time: "t")
  }

  @Test func pendingUntilEveryReviewerDecided() {
    let state = policy.state(decisions: ["CML": decision("CML", .include)], resolution: nil)
    #expect(state == .pending(missing: ["LJ"]))
  }

  @Test func disagreementIsAConflict() {
    let state = policy.state(
      decisions: ["CML": decision("CML", .include), "LJ": decision("LJ", .exclude)], resolution: nil)
    #expect(state == .conflict)
  }

  @Test func maybeCountsAsIncludeByDefault() {
    let state = policy.state(
      decisions: ["CML": decision("CML", .maybe), "LJ": decision("LJ", .include)], resolution: nil)
    #expect(state == .final(verdict: .include, criteria: [], resolved: false))
  }

  @Test func maybeIsItsOwnVerdictWhenTheProtocolSaysSo() {
    var strict = policy
    strict.maybeCountsAsInclude = false
    let mixed = strict.state(
      decisions: ["CML": decision("CML", .maybe), "LJ": decision("LJ", .include)], resolution: nil)
    #expect(mixed == .conflict)
    let bothMaybe = strict.state(
      decisions: ["CML": decision("CML", .maybe), "LJ": decision("LJ", .maybe)], resolution: nil)
    #expect(bothMaybe == .conflict)
  }

  @Test func agreedExclusionCollectsEveryReasonInProtocolOrder() {
    let state = policy.state(
      decisions: [
        "CML": decision("CML", .exclude, criteria: ["E2"]), "LJ": decision("LJ", .exclude, criteria: ["E1", "E2"]),
      ], resolution: nil)
    #expect(state == .final(verdict: .exclude, criteria: ["E1", "E2"], resolved: false))
  }

  @Test func resolutionWins() {
    let resolution = Resolution(
      recordID: "R1", stage: .title, verdict: .exclude, criteria: ["E1"], by: "GJW", time: "t")
    let state = policy.state(
      decisions: ["CML": decision("CML", .include), "LJ": decision("LJ", .exclude)], resolution: resolution)
    #expect(state == .final(verdict: .exclude, criteria: ["E1"], resolved: true))
  }

  @Test func recordReachesAStageOnlyAfterPassingThePreviousOne() {
    let title: [String: ReviewerDecision] = ["CML": decision("CML", .include), "LJ": decision("LJ", .include)]
    #expect(policy.hasReached(.title, decisions: [:], resolutions: [:]))
    #expect(!policy.hasReached(.abstract, decisions: [:], resolutions: [:]))
    #expect(policy.hasReached(.abstract, decisions: [.title: title], resolutions: [:]))
    #expect(!policy.hasReached(.fullText, decisions: [.title: title], resolutions: [:]))
    let conflict: [String: ReviewerDecision] = ["CML": decision("CML", .include), "LJ": decision("LJ", .exclude)]
    #expect(!policy.hasReached(.abstract, decisions: [.title: conflict], resolutions: [:]))
    let resolved = Resolution(recordID: "R1", stage: .title, verdict: .include, by: "CML", time: "t")
    #expect(policy.hasReached(.abstract, decisions: [.title: conflict], resolutions: [.title: resolved]))
  }

  @Test func outcomeWalksTheStages() {
    let includeBoth: (Stage) -> [String: ReviewerDecision] = { stage in
      ["CML": decision("CML", .include, stage), "LJ": decision("LJ", .include, stage)]
    }
    #expect(
      policy.outcome(decisions: [.title: includeBoth(.title)], resolutions: [:])
        == .at(stage: .abstract, state: .pending(missing: ["CML", "LJ"])))
    let excluded: [String: ReviewerDecision] = [
      "CML": decision("CML", .exclude, .abstract, criteria: ["E1"]),
      "LJ": decision("LJ", .exclude, .abstract, criteria: ["E1"]),
    ]
    #expect(
      policy.outcome(decisions: [.title: includeBoth(.title), .abstract: excluded], resolutions: [:])
        == .excluded(stage: .abstract, criteria: ["E1"]))
    #expect(
      policy.outcome(
        decisions: [.title: includeBoth(.title), .abstract: includeBoth(.abstract), .fullText: includeBoth(.fullText)],
        resolutions: [:]) == .passed)
  }

  @Test func fullTextExclusionNeedsACriterion() {
    let review = ReviewProtocol(
      title: "t", reviewers: ["A"], databases: [], criteria: [Criterion(id: "E1", label: "x", text: "x")],
      stages: [.title, .fullText])
    #expect(throws: DecisionProblem.self) {
      try DecisionCheck.check(reviewer: "A", stage: .fullText, verdict: .exclude, criteria: [], review: review)
    }
    #expect(throws: DecisionProblem.self) {
      try DecisionCheck.check(reviewer: "B", stage: .title, verdict: .include, criteria: [], review: review)
    }
    #expect(throws: DecisionProblem.self) {
      try DecisionCheck.check(reviewer: "A", stage: .abstract, verdict: .include, criteria: [], review: review)
    }
    #expect(throws: DecisionProblem.self) {
      try DecisionCheck.check(reviewer: "A", stage: .title, verdict: .exclude, criteria: ["E7"], review: review)
    }
    #expect(throws: Never.self) {
      try DecisionCheck.check(reviewer: "A", stage: .fullText, verdict: .exclude, criteria: ["E1"], review: review)
    }
  }
}
