import ArgumentParser
import SiftKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import export files into the project, detecting each format."
  )

  func run() throws {
    throw NotYetBuilt(command: "import")
  }
}
