import SiftCore
import Testing

@testable import SiftScreen

@Suite struct AgreementStatisticsTests {
  /// Hand-computed: n = 50, a = 20, b = 5, c = 10, d = 15. po = 35/50 = 0.7; rows 25/25, columns 30/20, so
  /// pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4; SE = √(0.7·0.3 / (50·0.25)) = √0.0168 = 0.129615;
  /// CI 0.4 ± 1.96·0.129615 = 0.145954 … 0.654046; PABAK = 2·0.7 − 1 = 0.4.
  @Test func twoByTwoMatchesHandComputation() throws {
    let table = AgreementTable(categories: [.include, .exclude], counts: [[20, 5], [10, 15]])
    let stats = AgreementStatistics(table)
    #expect(stats.n == 50)
    #expect(abs(try #require(stats.rawAgreement) - 0.7) < 1e-12)
    #expect(abs(try #require(stats.pabak) - 0.4) < 1e-12)
    guard case .value(let kappa, let se, let lower, let upper) = stats.kappa else {
      Issue.record("kappa should be defined")
      return
    }
    #expect(abs(kappa - 0.4) < 1e-12)
    #expect(abs(se - 0.129615) < 1e-6)
    #expect(abs(lower - 0.145954) < 1e-6)
    #expect(abs(upper - 0.654046) < 1e-6)
  }

  /// Hand-computed 3 × 3: counts [[10,2,0],[1,8,1],[0,2,6]], n = 30, po = 24/30 = 0.8;
  /// rows 12,10,8; columns 11,12,7; pe = (132 + 120 + 56)/900 = 0.342222; κ = 0.457778/0.657778 = 0.695946;
  /// PABAK = (3·0.8 − 1)/2 = 0.7.
  @Test func threeCategories() throws {
    let table = AgreementTable(
      categories: [.include, .exclude, .maybe], counts: [[10, 2, 0], [1, 8, 1], [0, 2, 6]])
    let stats = AgreementStatistics(table)
    guard case .value(let kappa, _, _, _) = stats.kappa else {
      Issue.record("kappa should be defined")
      return
    }
    #expect(abs(kappa - 0.695946) < 1e-6)
    #expect(abs(try #require(stats.pabak) - 0.7) < 1e-12)
  }

  @Test func perfectAgreementWithBothCategories() throws {
    let stats = AgreementStatistics(AgreementTable(categories: [.include, .exclude], counts: [[3, 0], [0, 7]]))
    guard case .value(let kappa, let se, let lower, let upper) = stats.kappa else {
      Issue.record("kappa should be defined")
      return
    }
    #expect(kappa == 1)
    #expect(se == 0)
    #expect(lower == 1 && upper == 1)
  }

  /// Everything in one category: pe = 1, kappa undefined, but raw agreement and PABAK are 1.
  @Test func allInOneCategoryIsUndefinedNotNaN() throws {
    let stats = AgreementStatistics(AgreementTable(categories: [.include, .exclude], counts: [[0, 0], [0, 12]]))
    guard case .undefined(let reason) = stats.kappa else {
      Issue.record("kappa should be undefined")
      return
    }
    #expect(reason.contains("exclude"))
    #expect(stats.rawAgreement == 1)
    #expect(stats.pabak == 1)
  }

  @Test func noRecordsIsUndefined() {
    let stats = AgreementStatistics(AgreementTable(categories: [.include, .exclude], counts: [[0, 0], [0, 0]]))
    #expect(stats.n == 0)
    #expect(stats.rawAgreement == nil)
    #expect(stats.pabak == nil)
    #expect(stats.kappa == .undefined(reason: "no records decided by both reviewers"))
  }

  /// Complete disagreement: po = 0, pe = 0.5 → κ = −1, clipped CI stays within [−1, 1].
  @Test func completeDisagreement() throws {
    let stats = AgreementStatistics(AgreementTable(categories: [.include, .exclude], counts: [[0, 5], [5, 0]]))
    guard case .value(let kappa, _, let lower, let upper) = stats.kappa else {
      Issue.record("kappa should be defined")
      return
    }
    #expect(kappa == -1)
    #expect(lower >= -1 && upper <= 1)
    #expect(stats.pabak == -1)
  }

  @Test func pairAgreementCollapsesMaybeWhenItCountsAsInclude() throws {
    let policy = ScreeningPolicy(stages: [.title], reviewers: ["A", "B"], maybeCountsAsInclude: true)
    let decisions = [
      ReviewerDecision(recordID: "R1", stage: .title, reviewer: "A", verdict: .maybe, time: "t"),
      ReviewerDecision(recordID: "R1", stage: .title, reviewer: "B", verdict: .include, time: "t"),
      ReviewerDecision(recordID: "R2", stage: .title, reviewer: "A", verdict: .exclude, time: "t"),
      ReviewerDecision(recordID: "R2", stage: .title, reviewer: "B", verdict: .include, time: "t"),
      // Only A decided R3: not in the table.
      ReviewerDecision(recordID: "R3", stage: .title, reviewer: "A", verdict: .exclude, time: "t"),
    ]
    let result = try #require(PairAgreement.compute(policy: policy, decisions: decisions).first)
    #expect(result.table.categories == [.include, .exclude])
    #expect(result.table.counts == [[1, 0], [1, 0]])
    #expect(result.statistics.n == 2)
  }
}
