import SiftExtract
import Testing

@Suite struct StatisticsTests {
  @Test func weightedMeanSDAndPooledSDByHand() throws {
    // n 10, mean 5, SD 1 and n 30, mean 6, SD 2.
    let mean = try #require(Statistics.weightedMean([(5, 10), (6, 30)]))
    #expect(abs(mean - 5.75) < 1e-12)  // (50 + 180) / 40
    let sd = try #require(Statistics.weightedSD([(1, 10), (2, 30)]))
    #expect(abs(sd - 1.75) < 1e-12)  // (10 + 60) / 40
    let pooled = try #require(Statistics.pooledSD([(1, 10), (2, 30)]))
    #expect(abs(pooled - (125.0 / 38.0).squareRoot()) < 1e-12)  // (9·1 + 29·4) / 38
  }

  @Test func emptyInputsGiveNoValue() {
    #expect(Statistics.weightedMean([]) == nil)
    #expect(Statistics.weightedMean([(5, 0)]) == nil)
    #expect(Statistics.pooledSD([(1, 1)]) == nil)
  }

  @Test(arguments: [
    (0.0, CorrelationScale.Strength.weak), (0.0999, .weak), (-0.0999, .weak), (0.10, .small), (0.1, .small),
    (0.2999, .small), (0.30, .moderate), (-0.30, .moderate), (0.4999, .moderate), (0.50, .strong), (-0.501, .strong),
    (1.0, .strong),
  ])
  func cohenThresholdsAtTheBoundaries(r: Double, expected: CorrelationScale.Strength) {
    #expect(CorrelationScale().strength(r) == expected)
  }

  @Test func protocolThresholdsReplaceTheDefaults() {
    let scale = CorrelationScale(small: 0.2, moderate: 0.4, strong: 0.6)
    #expect(scale.strength(0.1) == .weak)
    #expect(scale.strength(0.2) == .small)
    #expect(scale.strength(0.5) == .moderate)
    #expect(scale.strength(0.6) == .strong)
  }

  @Test(arguments: [
    (5.6620, 2, "5.66"), (0.895, 2, "0.90"), (-0.004, 2, "0.00"), (12.4436, 2, "12.44"), (2.5, 0, "3"), (-2.5, 0, "-3"),
    (37.406, 1, "37.4"),
  ])
  func fixedDecimals(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }
}
