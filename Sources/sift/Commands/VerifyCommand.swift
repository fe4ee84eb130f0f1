import ArgumentParser
import SiftKit

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Compare the figures a paper reported with those Sift reproduces."
  )

  func run() throws {
    throw NotYetBuilt(command: "verify")
  }
}
