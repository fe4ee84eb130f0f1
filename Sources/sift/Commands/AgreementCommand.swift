import ArgumentParser
import SiftCore
import SiftKit

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Agreement between reviewers per stage (Cohen's kappa).",
    discussion: "Counts, raw agreement, Cohen's kappa with 95% CI and PABAK; formulas in docs/screening.md."
  )

  @Option(name: .long, help: "Only this stage.", transform: ProjectArgument.stage)
  var stage: Stage?

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    print(ProjectAgreement.text(try ProjectAgreement.compute(project: projectOptions.open(), stage: stage)))
  }
}
