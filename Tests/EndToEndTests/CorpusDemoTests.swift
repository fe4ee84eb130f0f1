import Foundation
import TestSupport
import Testing

/// The reference review (corpus/text-alliance) run through the demo pipeline, as `make demo` runs it.
@Suite(.serialized) struct CorpusDemoTests {
  static let corpus = Fixtures.packageRoot.appendingPathComponent("corpus/text-alliance")

  /// Runs `pipeline.sh` on `corpus` into a new temporary folder and returns the output folder.
  static func runPipeline(corpus: URL) throws -> URL {
    let out = try Fixtures.temporaryDirectory("sift-demo")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      corpus.appendingPathComponent("pipeline.sh").path, SiftBinary.url.path, corpus.path, out.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pipeline.sh failed on \(corpus.path)")
    return out
  }

  /// The reproduced value of a figure in verify.md's summary table.
  static func reproduced(_ id: String, in out: URL) throws -> Double? {
    let text = try String(contentsOf: out.appendingPathComponent("verify.md"), encoding: .utf8)
    for line in text.split(separator: "\n") where line.hasPrefix("| \(id) |") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      return cells.count > 2 ? Double(cells[2]) : nil
    }
    return nil
  }

  /// Rows of a CSV table written by `sift tables` (the corpus tables have no line breaks inside cells).
  static func csvRows(_ url: URL) throws -> [[String: String]] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    guard let header = lines.first.map(splitCSV) else { return [] }
    return lines.dropFirst().map { line in
      Dictionary(uniqueKeysWithValues: zip(header, splitCSV(line)).map { ($0, $1) })
    }
  }

  static func splitCSV(_ line: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var previous: Character?
    for c in line {
      if c == "\"" {
        if quoted, previous == "\"" { cell.append("\"") }
        quoted.toggle()
      } else if c == ",", !quoted {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(c)
      }
      previous = c
    }
    cells.append(cell)
    return cells
  }

  /// Σ nᵢ·ageᵢ / Σ nᵢ over rows with a numeric mean age and sample size, from the rendered tables.
  static func weightedMeanAge(tables: URL) throws -> Double {
    let participants = try csvRows(tables.appendingPathComponent("table1.csv"))
    let design = try csvRows(tables.appendingPathComponent("table2.csv"))
    var sizes: [String: Double] = [:]
    for row in design { if let id = row["Row"], let n = row["Sample size"].flatMap(Double.init) { sizes[id] = n } }
    var sum = 0.0
    var total = 0.0
    for row in participants {
      guard let id = row["Row"], let n = sizes[id], let cell = row["Age (years), mean (SD)"],
        let mean = cell.split(separator: " ").first.flatMap({ Double($0) })
      else { continue }
      sum += n * mean
      total += n
    }
    return sum / total
  }

  @Test func demoWritesEveryOutputAndReproducesFromTheExtraction() throws {
    let out = try Self.runPipeline(corpus: Self.corpus)
    defer { try? FileManager.default.removeItem(at: out) }
    for file in [
      "prisma.svg", "index.html", "synthesis.md", "verify.md", "tables/table1.md", "tables/table2.csv",
      "tables/table3.tex", "tables/table3.html",
    ] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "missing \(file)")
    }
    // The figure verify reproduces is the one recomputed here from the tables the demo rendered.
    let recomputed = try Self.weightedMeanAge(tables: out.appendingPathComponent("tables"))
    let reported = try #require(try Self.reproduced("results-age-weighted-mean", in: out))
    #expect(abs(recomputed - reported) < 0.001)
    #expect(try Self.reproduced("results-studies", in: out) == 23)
    #expect(try Self.reproduced("results-interventions", in: out) == 28)
  }

  @Test func changingOneExtractedValueChangesTheAffectedFigures() throws {
    let copy = try Fixtures.temporaryDirectory("sift-corpus-copy")
    defer { try? FileManager.default.removeItem(at: copy) }
    let corpus = copy.appendingPathComponent("text-alliance")
    try FileManager.default.copyItem(at: Self.corpus, to: corpus)
    let consensus = corpus.appendingPathComponent("extraction/consensus.yaml")
    let text = try String(contentsOf: consensus, encoding: .utf8)
    // Row 1a: mean age 38.9 → 68.9.
    let edited = text.replacingOccurrences(of: "age: 38.9 (13.5)", with: "age: 68.9 (13.5)")
    #expect(edited != text)
    try edited.write(to: consensus, atomically: true, encoding: .utf8)

    let original = try Self.runPipeline(corpus: Self.corpus)
    let changed = try Self.runPipeline(corpus: corpus)
    defer {
      try? FileManager.default.removeItem(at: original)
      try? FileManager.default.removeItem(at: changed)
    }
    let before = try #require(try Self.reproduced("results-age-weighted-mean", in: original))
    let after = try #require(try Self.reproduced("results-age-weighted-mean", in: changed))
    #expect(after > before + 1)
    #expect(abs(after - (try Self.weightedMeanAge(tables: changed.appendingPathComponent("tables")))) < 0.001)
    // A figure that does not depend on age stays as it was.
    #expect(try Self.reproduced("results-studies", in: changed) == 23)
  }
}
