import ArgumentParser
import SiftKit

@main
struct SiftBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sift-bench",
    abstract: "Benchmarks and their data generator (run through `make bench`).",
    subcommands: [GenerateCommand.self, IngestBenchCommand.self, DedupBenchCommand.self]
  )
}
