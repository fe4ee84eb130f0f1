import SiftExtract
import Testing

@Suite struct SynthesisTests {
  static func report(_ countBy: ExtractionQuery.CountBy = .interventions) throws -> SynthesisReport {
    SynthesisBuilder(form: Mini.form, countBy: countBy).build(try Mini.extraction())
  }

  @Test func weightedScoresSkipNotAvailableFlaggedAndRowsWithoutN() throws {
    let report = try Self.report()
    let wai = try #require(report.means.first { $0.title == "WAI, client" })
    // 1a (n 10, 5 (1)) and 1b (n 30, 6 (2)); 1b's therapist-flagged entry, 2's n.a. and 3 (no n) left out.
    #expect(wai.summary.items.map(\.name) == ["1a", "1b"])
    #expect(abs((wai.summary.weightedMean ?? 0) - 5.75) < 1e-12)
    #expect(abs((wai.summary.weightedSD ?? 0) - 1.75) < 1e-12)
    #expect(abs((wai.summary.pooledSD ?? 0) - (125.0 / 38.0).squareRoot()) < 1e-12)
    #expect(wai.summary.skipped.map(\.name) == ["2", "3"])
    #expect(wai.summary.skipped.map(\.reason) == ["mean n.a.", "no n"])
  }

  @Test func meanAndSDUseTheRowsThatReportThem() throws {
    let report = try Self.report()
    let age = try #require(report.means.first { $0.column == "age" })
    // Means: 1a 30 (n 10), 1b 40 (n 30) -> 37.5. SDs: 1a 5 (n 10), 2 3 (n 20) -> 110/30.
    #expect(abs((age.summary.weightedMean ?? 0) - 37.5) < 1e-12)
    #expect(abs((age.summary.weightedSD ?? 0) - 110.0 / 30.0) < 1e-12)
    #expect(abs((age.summary.pooledSD ?? 0) - (396.0 / 28.0).squareRoot()) < 1e-12)
    #expect(age.summary.skipped.map(\.name) == ["3"])
  }

  @Test func anEntrysOwnNOverridesTheSampleSize() throws {
    let report = try Self.report()
    let taq = try #require(report.means.first { $0.title == "TAQ, client" })
    #expect(taq.summary.items.map(\.n) == [16])
  }

  @Test func countsByInterventionsAndByStudies() throws {
    func counts(_ report: SynthesisReport, _ column: String) -> [String: Int] {
      Dictionary(
        uniqueKeysWithValues: (report.categories.first { $0.column == column }?.counts ?? []).map {
          ($0.value, $0.count)
        })
    }
    let byRows = try Self.report(.interventions)
    #expect(counts(byRows, "problem") == ["anxiety": 2, "depression": 2, "n.a.": 1])
    #expect(counts(byRows, "design") == ["RCT": 3, "open trial": 1])
    #expect(counts(byRows, "frequency") == ["weekly": 1, "on demand": 1, "n.a.": 1, "(not extracted)": 1])
    let byStudies = try Self.report(.studies)
    #expect(counts(byStudies, "problem") == ["anxiety": 1, "depression": 2, "n.a.": 1])
    #expect(counts(byStudies, "design") == ["RCT": 2, "open trial": 1])
    #expect(byStudies.categories.first { $0.column == "design" }?.total == 3)
  }

  @Test func correlationsAreClassifiedAndSignificanceCounted() throws {
    let report = try Self.report()
    #expect(report.correlations.map(\.name) == ["1a", "1b", "2#2"])
    #expect(report.correlations.map(\.strength) == [.moderate, .weak, .strong])
    #expect(report.correlations[0].reportedStrength == "small")
    let all = try #require(report.significance.last)
    #expect(all.kind == "all")
    #expect((all.reported, all.significant, all.notSignificant, all.unknown) == (3, 2, 1, 0))
    let correlation = try #require(report.significance.first { $0.kind == "correlation" })
    #expect((correlation.reported, correlation.significant) == (3, 2))
  }

  @Test func markdownIsDeterministic() throws {
    let first = SynthesisMarkdown.render(try Self.report())
    #expect(first == SynthesisMarkdown.render(try Self.report()))
    #expect(first.contains("| WAI, client (scores.mean) | 2 | 40 | 5.75 | 1.75 | 1.81 |"))
    #expect(first.contains("Left out: 2 (mean n.a.), 3 (no n)."))
  }
}
