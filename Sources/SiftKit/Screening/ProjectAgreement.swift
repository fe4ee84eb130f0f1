import Foundation
import SiftCore
import SiftScreen
import SiftStore

/// `sift agreement`: per stage and reviewer pair, the counts table, raw agreement, Cohen's kappa with 95% CI, PABAK.
public enum ProjectAgreement {
  public static func compute(project: Project, stage: Stage? = nil) throws -> [PairAgreement] {
    let review = project.review
    let rows = try project.store.read { try $0.currentDecisions(stage: stage?.rawValue) }
    return compute(decisions: rows, review: review, stage: stage)
  }

  /// Agreement from the current decisions in `rows` (e.g. of a team store); `stage` nil: every protocol stage.
  public static func compute(rows: ProjectRows, review: ReviewProtocol, stage: Stage? = nil) -> [PairAgreement] {
    compute(decisions: rows.decisions, review: review, stage: stage)
  }

  static func compute(decisions rows: [DecisionRow], review: ReviewProtocol, stage: Stage?) -> [PairAgreement] {
    let decisions = rows.filter { stage == nil || $0.stage == stage?.rawValue }.compactMap(ScreeningSnapshot.decision)
    var policy = ScreeningPolicy(review)
    if let stage { policy.stages = [stage] }
    return PairAgreement.compute(policy: policy, decisions: decisions)
  }

  /// The report as `sift agreement` prints it.
  public static func text(_ results: [PairAgreement]) -> String {
    var blocks: [String] = []
    for result in results {
      guard result.statistics.n > 0 else {
        blocks.append(
          "\(result.stage.rawValue): \(result.first) vs \(result.second) (n = 0): no records decided by both reviewers; "
            + "raw agreement, kappa and PABAK undefined")
        continue
      }
      var lines = ["\(result.stage.rawValue): \(result.first) vs \(result.second) (n = \(result.statistics.n))"]
      let names = result.table.categories.map(\.rawValue)
      let width = max(12, (names.map(\.count).max() ?? 0) + result.second.count + 2)
      let rowLabel = max(names.map(\.count).max() ?? 0, 7) + result.first.count + 1
      lines.append(
        pad("", rowLabel) + names.map { leftPad("\(result.second) \($0)", width) }.joined())
      for (i, name) in names.enumerated() {
        lines.append(
          pad("\(result.first) \(name)", rowLabel)
            + result.table.counts[i].map { leftPad(String($0), width) }.joined())
      }
      let stats = result.statistics
      let raw = stats.rawAgreement.map(number) ?? "undefined (no records decided by both)"
      let kappa: String
      switch stats.kappa {
      case .value(let value, let se, let lower, let upper):
        kappa = "\(number(value)) (SE \(number(se)), 95% CI \(number(lower)) to \(number(upper)))"
      case .undefined(let reason):
        kappa = "undefined (\(reason))"
      }
      let pabak = stats.pabak.map(number) ?? "undefined (no records decided by both)"
      lines.append("raw agreement \(raw); Cohen's kappa \(kappa); PABAK \(pabak)")
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.isEmpty
      ? "no reviewer pairs (the protocol lists fewer than two reviewers)" : blocks.joined(separator: "\n\n")
  }

  /// Three decimals, `-0.000` written `0.000`.
  static func number(_ value: Double) -> String {
    let text = String(format: "%.3f", value)
    return text == "-0.000" ? "0.000" : text
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  private static func leftPad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(1, width - text.count)) + text
  }
}
