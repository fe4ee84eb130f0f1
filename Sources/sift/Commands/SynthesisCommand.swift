import ArgumentParser
import Foundation
import SiftExtract
import SiftKit

struct SynthesisCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synthesis",
    abstract: "Weighted means, counts by category and correlation strengths.",
    discussion: "Computed from extraction/consensus.yaml; formulas in docs/synthesis.md."
  )

  @OptionGroup var options: ProjectOption
  @Option(help: "Write the Markdown report here instead of standard output.") var out: String?
  @Option(help: "Count studies or interventions (default: protocol synthesis.count_by, else interventions).")
  var countBy: String?

  func run() throws {
    var countChoice: ExtractionQuery.CountBy?
    if let countBy {
      guard let parsed = ExtractionQuery.CountBy(rawValue: countBy), parsed != .entries else {
        throw ValidationError("--count-by must be studies or interventions")
      }
      countChoice = parsed
    }
    let project = try options.load()
    let report = try reporting { try SynthesisRun.report(project: project, countBy: countChoice) }
    let text = SynthesisRun.markdown(report, project: project)
    if let out {
      try reporting { try project.write(text, to: URL(fileURLWithPath: out)) }
      print("wrote \(out)")
    } else {
      print(text, terminator: "")
    }
  }
}
