import ArgumentParser
import SiftKit

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a review project (protocol template and database)."
  )

  func run() throws {
    throw NotYetBuilt(command: "init")
  }
}
