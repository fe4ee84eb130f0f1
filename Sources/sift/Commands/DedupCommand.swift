import ArgumentParser
import SiftKit

struct DedupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedup",
    abstract: "Find duplicate records, in the project or across export files."
  )

  func run() throws {
    throw NotYetBuilt(command: "dedup")
  }
}
