import ArgumentParser
import SiftKit

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "An HTML report with the PRISMA diagram, tables and synthesis.",
    discussion: """
      Writes prisma.svg, prisma.json and index.html into the output folder. The page shows the PRISMA 2020 \
      diagram inline and embeds (Markdown, CSV) or links every other file in the folder: the tables, \
      synthesis.md and verify.md written by `sift tables`, `sift synthesis` and `sift verify`.
      """
  )

  @Option(help: "The output folder (created if missing).")
  var out: String = "out"

  @Option(help: "The page title.")
  var title: String = "Systematic review report"

  @Option(help: "Read the flow from this JSON-encoded FlowInput instead of the project.")
  var flow: String?

  @OptionGroup var project: ProjectOptions

  func run() throws {
    let summary = try ReportRun.write(
      outDirectory: out, flowFile: flow, projectPath: flow == nil ? try project.locate() : ".", title: title)
    print("wrote \(summary.index) (PRISMA diagram and \(summary.files.count) other file(s))")
  }
}
