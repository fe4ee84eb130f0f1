/// The sample-size-weighted statistics of the synthesis (formulas: docs/synthesis.md).
public enum Statistics {
  /// Σnᵢxᵢ / Σnᵢ; nil without items or when Σnᵢ = 0.
  public static func weightedMean(_ items: [(value: Double, n: Double)]) -> Double? {
    let total = items.reduce(0) { $0 + $1.n }
    guard !items.isEmpty, total > 0 else { return nil }
    return items.reduce(0) { $0 + $1.n * $1.value } / total
  }

  /// The weighted SD as the reference review computes it: Σnᵢsᵢ / Σnᵢ (the n-weighted mean of the SDs).
  public static func weightedSD(_ items: [(sd: Double, n: Double)]) -> Double? {
    weightedMean(items.map { ($0.sd, $0.n) })
  }

  /// The pooled SD √(Σ(nᵢ−1)sᵢ² / Σ(nᵢ−1)); nil when Σ(nᵢ−1) ≤ 0.
  public static func pooledSD(_ items: [(sd: Double, n: Double)]) -> Double? {
    let degrees = items.reduce(0) { $0 + ($1.n - 1) }
    guard !items.isEmpty, degrees > 0 else { return nil }
    let sum = items.reduce(0) { $0 + ($1.n - 1) * $1.sd * $1.sd }
    return (sum / degrees).squareRoot()
  }
}

/// Names the strength of a correlation |r| with the protocol's thresholds.
public struct CorrelationScale: Sendable, Hashable {
  /// The strength labels, weakest first.
  public enum Strength: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case weak, small, moderate, strong

    public static func < (lhs: Strength, rhs: Strength) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  public var small: Double
  public var moderate: Double
  public var strong: Double

  /// Cohen's defaults: weak < 0.10 ≤ small < 0.30 ≤ moderate < 0.50 ≤ strong.
  public init(small: Double = 0.10, moderate: Double = 0.30, strong: Double = 0.50) {
    self.small = small
    self.moderate = moderate
    self.strong = strong
  }

  /// The strength of r: |r| < small weak; small ≤ |r| < moderate small; moderate ≤ |r| < strong moderate;
  /// |r| ≥ strong strong. Compared at 1e-9 so that a printed boundary value (0.30) falls in the upper class.
  public func strength(_ r: Double) -> Strength {
    let magnitude = abs(r) + 1e-9
    if magnitude >= strong { return .strong }
    if magnitude >= moderate { return .moderate }
    if magnitude >= small { return .small }
    return .weak
  }
}
