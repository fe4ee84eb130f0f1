import SiftExtract
import Testing

@Suite struct VerifyTests {
  static func item(_ id: String, _ spec: StatisticSpec, reported: Double, decimals: Int) -> ReportedItem {
    ReportedItem(id: id, statistic: spec, reported: reported, decimals: decimals)
  }

  static let waiMean = StatisticSpec(
    kind: .weightedMean, table: "scores", column: "mean", filters: ["measure": FilterValues(["WAI"])])

  static func run(_ items: [ReportedItem]) throws -> Verification {
    Verification.run(
      ReportedFile(items: items), evaluator: StatisticEvaluator(form: Mini.form, extraction: try Mini.extraction()))
  }

  @Test func flagsDifferencesBeyondTheReportedPrecision() throws {
    let verification = try Self.run([
      Self.item("exact", Self.waiMean, reported: 5.75, decimals: 2),
      Self.item("rounded", Self.waiMean, reported: 5.8, decimals: 1),  // |5.75 - 5.8| = 0.05 ≤ 0.05
      Self.item("off", Self.waiMean, reported: 5.70, decimals: 2),  // 0.05 > 0.005
      Self.item("way-off", Self.waiMean, reported: 5.6, decimals: 1),
    ])
    #expect(verification.lines.map(\.status) == [.reproduced, .reproduced, .differs, .differs])
    #expect(abs((verification.lines[2].difference ?? 0) - 0.05) < 1e-12)
    #expect(verification.text().contains("off"))
    #expect(verification.markdown().contains("| off | 5.70 | 5.7500 | +0.0500 | **differs** |"))
  }

  @Test func sdKindsAndCounts() throws {
    let verification = try Self.run([
      Self.item(
        "wsd",
        StatisticSpec(
          kind: .weightedSD, table: "scores", column: "mean", sdColumn: "sd",
          filters: ["measure": FilterValues(["WAI"])]),
        reported: 1.75, decimals: 2),
      Self.item(
        "age-sd", StatisticSpec(kind: .weightedSD, table: "participants", column: "age"), reported: 3.67, decimals: 2),
      Self.item(
        "pooled", StatisticSpec(kind: .pooledSD, table: "participants", column: "age"), reported: 3.76, decimals: 2),
      Self.item(
        "rct-studies",
        StatisticSpec(kind: .countCategory, table: "study", column: "design", countBy: .studies, value: "rct"),
        reported: 2, decimals: 0),
      Self.item(
        "with-sample-size", StatisticSpec(kind: .count, table: "study", column: "sample_size", countBy: .interventions),
        reported: 3, decimals: 0),
      Self.item(
        "moderate", StatisticSpec(kind: .correlationStrength, table: "relationships", strength: .moderate),
        reported: 1, decimals: 0),
      Self.item(
        "significant", StatisticSpec(kind: .count, table: "relationships", countBy: .studies, significant: "yes"),
        reported: 2, decimals: 0),
      Self.item("max-n", StatisticSpec(kind: .max, table: "study", column: "sample_size"), reported: 30, decimals: 0),
    ])
    // A weighted SD also reports the pooled SD: √((9·1 + 29·4) / 38) = 1.8137.
    #expect(verification.lines[0].outcome.alternative.map { NumberFormat.fixed($0.value, decimals: 4) } == "1.8137")
    #expect(verification.markdown().contains("For comparison, pooled SD √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)) = 1.8137."))
    for line in verification.lines {
      #expect(line.status == .reproduced, "\(line.item.id): \(String(describing: line.outcome.value))")
    }
  }

  @Test func unknownTablesAreNotComputed() throws {
    let verification = try Self.run([
      Self.item("bad", StatisticSpec(kind: .mean, table: "nosuch", column: "x"), reported: 1, decimals: 0),
      Self.item(
        "bad-where", StatisticSpec(kind: .count, table: "scores", filters: ["nosuch": FilterValues(["1"])]),
        reported: 1, decimals: 0),
    ])
    #expect(verification.notComputed.count == 2)
    #expect(verification.lines[0].outcome.problem?.contains("no table nosuch") == true)
  }
}
