import ArgumentParser
import SiftKit

struct DedupBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedup", abstract: "Measure de-duplication accuracy and speed.")
  func run() throws {
    print("sift-bench dedup: not built yet")
  }
}
