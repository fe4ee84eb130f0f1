import ArgumentParser
import SiftKit

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "An HTML report with the PRISMA diagram, tables and synthesis."
  )

  func run() throws {
    throw NotYetBuilt(command: "report")
  }
}
