import ArgumentParser
import SiftKit

struct TablesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tables",
    abstract: "Render the extraction tables (Markdown, CSV, LaTeX, HTML)."
  )

  func run() throws {
    throw NotYetBuilt(command: "tables")
  }
}
