import ArgumentParser
import SiftCore
import SiftKit

struct ConflictsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflicts",
    abstract: "List records where the two reviewers disagree."
  )

  @Option(name: .long, help: "Only this stage.", transform: ProjectArgument.stage)
  var stage: Stage?

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    let project = try projectOptions.open()
    let conflicts = try ProjectConflicts.list(project: project, stage: stage)
    print(ProjectConflicts.text(conflicts, stages: project.review.stages))
  }
}
