import ArgumentParser
import SiftCore
import SiftKit

struct ResolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Record the consensus decision on a conflict."
  )

  @Argument(help: "The record: R000012, doi:10.…, pmid:… or id:….")
  var record: String

  @Option(name: .long, help: "The stage.", transform: ProjectArgument.stage)
  var stage: Stage

  @Option(name: .long, help: "include, exclude or maybe.", transform: ProjectArgument.verdict)
  var verdict: Verdict

  @Option(name: .long, help: "Criterion ids, e.g. E1 or \"E1;E3\" (required to exclude at full-text).")
  var criteria: String?

  @Option(name: .long, help: "Who resolved it.")
  var by: String

  @Option(name: .long, help: "Why, e.g. what was discussed.")
  var note: String?

  @Option(name: .long, help: "Full-text includes: the study this report belongs to.")
  var study: String?

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    let project = try projectOptions.open()
    let input = ResolutionInput(
      origin: "sift resolve", reference: record, stage: stage, verdict: verdict,
      criteria: ProjectArgument.criterionList(criteria),
      by: by, note: note, study: study)
    let summary = try ProjectScreening.resolve([input], project: project)
    print(
      summary.added == 1 ? "\(record): resolved as \(verdict.rawValue) at \(stage.rawValue)" : "\(record): unchanged")
  }
}
