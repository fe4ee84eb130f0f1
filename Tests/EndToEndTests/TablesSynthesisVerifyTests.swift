import Foundation
import TestSupport
import Testing

@Suite struct TablesSynthesisVerifyTests {
  static func consensusProject() throws -> URL {
    let project = try ExtractProjectFixture.make()
    try ExtractProjectFixture.sift(["extract", "import", "in/CML.yaml", "--reviewer", "consensus"], in: project)
    return project
  }

  @Test func tablesInEveryFormat() throws {
    let project = try Self.consensusProject()
    let markdown = try ExtractProjectFixture.sift(["tables"], in: project)
    #expect(markdown.stdout.contains("| 1a | Alpha et al. (1) | Depression | 75% female | 40.0 (10) |"))
    #expect(markdown.stdout.contains("| Randomized controlled trial | 40 |"))
    #expect(markdown.stdout.contains("| Weekly, 15min. a week |"))
    // Table 3 in the order of its printed labels.
    let table3 = try #require(markdown.stdout.components(separatedBy: "**Table 3.**").last)
    let order = ["| 1 | Beta and Gamma (2)", "| 2 | Alpha et al. (1)", "| 3 | Alpha et al. (1)"].compactMap {
      table3.range(of: $0)?.lowerBound
    }
    #expect(order.count == 3 && order == order.sorted())

    let written = try ExtractProjectFixture.sift(["tables", "--format", "all", "--out", "out"], in: project)
    #expect(written.stdout.contains("wrote 12 files"))
    let html = try ExtractProjectFixture.read(project, "out/table1.html")
    #expect(html.contains("<caption><strong>Table 1.</strong> Participant characteristics.</caption>"))
    let tex = try ExtractProjectFixture.read(project, "out/table2.tex")
    #expect(tex.contains("\\toprule") && tex.contains("\\bottomrule"))
    let again = try ExtractProjectFixture.sift(["tables"], in: project)
    #expect(again.stdout == markdown.stdout)
  }

  @Test func synthesisByInterventionsAndStudies() throws {
    let project = try Self.consensusProject()
    let report = try ExtractProjectFixture.sift(["synthesis"], in: project)
    #expect(report.stdout.contains("| WAI-S, client (scores.mean) | 2 | 100 | 5.60 | 1.60 | 1.68 |"))
    #expect(report.stdout.contains("| depression | 2 | 1a, 2 |"))
    #expect(report.stdout.contains("| 1a | 0.30 | moderate | moderate | yes |"))
    let byStudies = try ExtractProjectFixture.sift(
      ["synthesis", "--count-by", "studies", "--out", "s.md"], in: project)
    #expect(byStudies.stdout.contains("wrote s.md"))
    #expect(try ExtractProjectFixture.read(project, "s.md").contains("| depression | 2 | 1, 2 |"))
  }

  @Test func protocolThresholdsNameTheStrength() throws {
    let project = try Self.consensusProject()
    let stricter = ExtractProjectFixture.protocolYAML.replacingOccurrences(
      of: "{small: 0.10, moderate: 0.30, strong: 0.50}", with: "{small: 0.10, moderate: 0.20, strong: 0.30}")
    try ExtractProjectFixture.write(stricter, project, "protocol.yaml")
    let report = try ExtractProjectFixture.sift(["synthesis"], in: project)
    #expect(report.stdout.contains("| 1a | 0.30 | strong | moderate (differs) | yes |"))
    #expect(report.stdout.contains("weak < 0.1 ≤ small < 0.2 ≤ moderate < 0.3 ≤ strong"))
  }

  @Test func verifyFlagsTheDifferingFigure() throws {
    let project = try Self.consensusProject()
    let result = try ExtractProjectFixture.sift(["verify", "--out", "verify.md"], in: project)
    #expect(result.stdout.contains("3 figures: 2 reproduced, 1 differ, 0 not computed."))
    #expect(result.stdout.contains("wai-s-sd"))
    let markdown = try ExtractProjectFixture.read(project, "verify.md")
    #expect(markdown.contains("| wai-s-sd | 1.5 | 1.600 | +0.100 | **differs** |"))
    #expect(markdown.contains("> Its weighted SD was 1.5."))
    let strict = try SiftBinary.run(["verify", "--strict"], in: project)
    #expect(strict.status == 1)
  }

  /// The reference review transcribed by the corpus (when present in this checkout).
  @Test func referenceReviewCorpus() throws {
    let corpus = Fixtures.packageRoot.appendingPathComponent("corpus/text-alliance")
    guard FileManager.default.fileExists(atPath: corpus.appendingPathComponent("extraction/consensus.yaml").path) else {
      return
    }
    let project = try Fixtures.temporaryDirectory("sift-corpus")
    for name in ["protocol.yaml", "reported.yaml", "extraction/consensus.yaml"] {
      try ExtractProjectFixture.write(try ExtractProjectFixture.read(corpus, name), project, name)
    }
    // YAML -> CSV -> YAML gives the same stored file.
    try ExtractProjectFixture.sift(
      ["extract", "import", "extraction/consensus.yaml", "--reviewer", "consensus"], in: project)
    let yaml = try ExtractProjectFixture.read(project, "extraction/consensus.yaml")
    try ExtractProjectFixture.sift(["extract", "export", "--format", "csv", "--out", "consensus.csv"], in: project)
    try ExtractProjectFixture.sift(["extract", "import", "consensus.csv", "--reviewer", "consensus"], in: project)
    #expect(try ExtractProjectFixture.read(project, "extraction/consensus.yaml") == yaml)
    let tables = try ExtractProjectFixture.sift(["tables", "--format", "all", "--out", "tables"], in: project)
    #expect(tables.stdout.contains("wrote 12 files"))
    let table1 = try ExtractProjectFixture.read(project, "tables/table1.md")
    #expect(table1.contains("| 6 | Blake Buffini and Gordon (33) |"))
    let synthesis = try ExtractProjectFixture.sift(["synthesis"], in: project)
    #expect(synthesis.stdout.contains("| Age (years), mean (SD) (participants.age) |"))
    let verify = try ExtractProjectFixture.sift(["verify"], in: project)
    #expect(verify.stdout.contains("0 not computed"))
    #expect(verify.stdout.contains("results-taq-weighted-mean"))
  }
}
