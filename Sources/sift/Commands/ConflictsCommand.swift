import ArgumentParser
import SiftKit

struct ConflictsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflicts",
    abstract: "List records where the two reviewers disagree."
  )

  func run() throws {
    throw NotYetBuilt(command: "conflicts")
  }
}
