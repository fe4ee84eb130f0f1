import ArgumentParser
import Foundation
import SiftCore
import SiftKit

struct DecisionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decisions",
    abstract: "Import or export screening decisions as CSV.",
    subcommands: [DecisionsImportCommand.self, DecisionsExportCommand.self]
  )
}

struct DecisionsImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Record a reviewer's decisions from CSV (all or nothing).",
    discussion: "Layout: record,verdict,criteria,note[,time][,study]; see docs/screening.md."
  )

  @Argument(help: "The CSV file.")
  var file: String

  @Option(name: .long, help: "The reviewer (a name from protocol.yaml).")
  var reviewer: String?

  @Option(
    name: .long, help: "The stage: title, abstract, title-abstract or full-text.", transform: ProjectArgument.stage)
  var stage: Stage?

  @Option(name: .long, help: "sift (default), asreview or rayyan.", transform: ProjectArgument.decisionsFormat)
  var format: DecisionsFormat = .sift

  @Flag(name: .long, help: "Record the rows as resolutions (consensus decisions) by --by.")
  var resolve = false

  @Option(name: .long, help: "With --resolve: who resolved them.")
  var by: String?

  @Option(name: .long, help: "Rayyan: the reviewer's name in RAYYAN-INCLUSION (default: --reviewer).")
  var rayyanName: String?

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    if resolve, by == nil { throw ValidationError("--resolve needs --by NAME") }
    if !resolve, by != nil { throw ValidationError("--by is only used with --resolve") }
  }

  func run() throws {
    let options = DecisionsImport.Options(
      format: format, reviewer: reviewer, stage: stage, resolveBy: resolve ? by : nil, rayyanName: rayyanName)
    print(try DecisionsImport.run(path: file, options: options, project: projectOptions.open()))
  }
}

struct DecisionsExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write current decisions as CSV (blinded: only records every reviewer has decided).",
    discussion: "Columns: record,stage,reviewer,verdict,criteria,note,time,study."
  )

  @Option(name: .long, help: "Only this stage.", transform: ProjectArgument.stage)
  var stage: Stage?

  @Option(name: .long, help: "Only this reviewer's decisions (all of them, decided by the other or not).")
  var reviewer: String?

  @Flag(name: .long, help: "Also decisions on records not yet decided by every reviewer (unblinded).")
  var all = false

  @Flag(name: .long, help: "Every decision ever recorded, with a supersedes column.")
  var history = false

  @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
  var output: String?

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    let result = try DecisionsExport.run(
      project: projectOptions.open(), stage: stage, reviewer: reviewer, all: all, history: history)
    if let output {
      try Data(result.csv.utf8).write(to: URL(fileURLWithPath: output))
    } else {
      print(result.csv, terminator: "")
    }
    if result.withheld > 0 {
      ProjectOutput.error(
        "\(result.withheld) decisions on records not yet decided by every reviewer were withheld (blinding); "
          + "--reviewer NAME shows your own, --all shows everything")
    }
  }
}
