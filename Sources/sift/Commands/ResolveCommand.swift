import ArgumentParser
import SiftKit

struct ResolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Record the consensus decision on a conflict."
  )

  func run() throws {
    throw NotYetBuilt(command: "resolve")
  }
}
