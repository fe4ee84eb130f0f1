import ArgumentParser
import SiftKit

struct IngestBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest", abstract: "Measure parsing speed and memory of the readers.")
  func run() throws {
    print("sift-bench ingest: not built yet")
  }
}
