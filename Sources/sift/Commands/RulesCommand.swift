import ArgumentParser
import SiftKit

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Apply the protocol's automatic rules (year window, language, type)."
  )

  func run() throws {
    throw NotYetBuilt(command: "rules")
  }
}
