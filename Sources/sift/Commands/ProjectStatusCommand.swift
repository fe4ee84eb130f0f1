import ArgumentParser
import SiftKit

struct ProjectStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Where the project stands: records, duplicates, screening progress per stage (counts only)."
  )

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    print(try ProjectStatus.text(project: projectOptions.open()))
  }
}
