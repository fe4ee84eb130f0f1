import ArgumentParser
import Foundation
import SiftExtract
import SiftKit

struct TablesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tables",
    abstract: "Render the extraction tables (Markdown, CSV, LaTeX, HTML).",
    discussion: "Renders the form's numbered tables from extraction/consensus.yaml as a journal prints them."
  )

  @OptionGroup var options: ProjectOption
  @Option(help: "csv, md, tex, html or all.") var format: String = "md"
  @Option(help: "Write table<N>.<ext> files into this folder instead of standard output.") var out: String?

  func run() throws {
    let formats: [TableFormat]
    if format == "all" {
      formats = TableFormat.allCases
    } else if let one = TableFormat(rawValue: format) {
      formats = [one]
    } else {
      throw ValidationError("--format must be csv, md, tex, html or all")
    }
    let project = try options.load()
    let tables = try reporting { try TablesExport.tables(project: project) }
    if let out {
      let written = try reporting {
        try TablesExport.write(tables, formats: formats, to: URL(fileURLWithPath: out), project: project)
      }
      print("wrote \(written.count) files to \(out)")
      return
    }
    guard formats.count == 1 else { throw ValidationError("--format all needs --out DIR") }
    print(TablesExport.joined(tables, format: formats[0]), terminator: "")
  }
}
