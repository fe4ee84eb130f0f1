import ArgumentParser
import SiftKit

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Dual data extraction: templates, import, conflicts, resolution."
  )

  func run() throws {
    throw NotYetBuilt(command: "extract")
  }
}
