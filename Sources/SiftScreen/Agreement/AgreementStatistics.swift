/// Agreement statistics of a table: raw agreement, Cohen's kappa with a 95% confidence interval, and PABAK.
///
/// With n records, observed agreement `po = Σ n_ii / n`, chance agreement `pe = Σ (row_i / n)(col_i / n)`,
/// `κ = (po − pe) / (1 − pe)`, standard error `SE = √(po (1 − po) / (n (1 − pe)²))` (Cohen 1960),
/// 95% CI `κ ± 1.96 SE` clipped to [−1, 1], and `PABAK = (k·po − 1) / (k − 1)` for k categories (2·po − 1 for two).
public struct AgreementStatistics: Sendable, Hashable {
  /// Records both reviewers decided.
  public var n: Int
  /// Observed agreement, nil when n = 0.
  public var rawAgreement: Double?
  public var kappa: Kappa
  /// Prevalence- and bias-adjusted kappa, nil when n = 0.
  public var pabak: Double?

  /// Cohen's kappa or why it is undefined.
  public enum Kappa: Sendable, Hashable {
    case value(kappa: Double, standardError: Double, lower: Double, upper: Double)
    case undefined(reason: String)
  }

  public init(_ table: AgreementTable) {
    let n = table.total
    self.n = n
    let k = table.categories.count
    guard n > 0, k >= 2 else {
      rawAgreement = nil
      pabak = nil
      kappa = .undefined(reason: n == 0 ? "no records decided by both reviewers" : "fewer than two categories")
      return
    }
    let total = Double(n)
    let po = Double(table.agreed) / total
    var pe = 0.0
    for i in 0..<k {
      let row = Double(table.counts[i].reduce(0, +)) / total
      let column = Double(table.counts.reduce(0) { $0 + $1[i] }) / total
      pe += row * column
    }
    rawAgreement = po
    pabak = (Double(k) * po - 1) / Double(k - 1)
    if pe >= 1 - 1e-12 {
      let used = table.categories.indices.filter { table.counts[$0][$0] > 0 }.map { table.categories[$0].rawValue }
      kappa = .undefined(
        reason:
          "chance agreement is 1: both reviewers gave every record the same verdict (\(used.joined(separator: ", ")))")
      return
    }
    let value = (po - pe) / (1 - pe)
    let se = (po * (1 - po) / (total * (1 - pe) * (1 - pe))).squareRoot()
    kappa = .value(
      kappa: value, standardError: se, lower: Swift.max(-1, value - 1.96 * se), upper: Swift.min(1, value + 1.96 * se))
  }
}
