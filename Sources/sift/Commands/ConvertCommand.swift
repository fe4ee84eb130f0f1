import ArgumentParser
import SiftKit

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert export files to RIS, CSV, JSON lines or BibTeX."
  )

  func run() throws {
    throw NotYetBuilt(command: "convert")
  }
}
