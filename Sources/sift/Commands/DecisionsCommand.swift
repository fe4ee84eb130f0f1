import ArgumentParser
import SiftKit

struct DecisionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decisions",
    abstract: "Import or export screening decisions as CSV."
  )

  func run() throws {
    throw NotYetBuilt(command: "decisions")
  }
}
