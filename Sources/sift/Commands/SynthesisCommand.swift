import ArgumentParser
import SiftKit

struct SynthesisCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synthesis",
    abstract: "Weighted means, counts by category and correlation strengths."
  )

  func run() throws {
    throw NotYetBuilt(command: "synthesis")
  }
}
