import ArgumentParser
import SiftKit

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Agreement between reviewers per stage (Cohen's kappa)."
  )

  func run() throws {
    throw NotYetBuilt(command: "agreement")
  }
}
