import ArgumentParser
import SiftCore
import SiftKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import export files into the project, detecting each format.",
    discussion: """
      Each file is stored in one transaction; a file whose content was imported before is skipped.
      Records get project ids R000001, R000002… in import order.
      """
  )

  @Argument(help: "Export files (RIS, EndNote, MEDLINE, PubMed XML, WoS, Scopus CSV, BibTeX…).")
  var files: [String]

  @Option(name: .long, help: "The database the files come from, as named in protocol.yaml (default: inferred).")
  var database: String?

  @Option(name: .long, help: "PRISMA source as COLUMN:NAME, e.g. \"other-methods:Citation searching\".")
  var source: String?

  @Option(
    name: .long, help: "Read the files as this format instead of detecting it.", transform: ProjectArgument.format)
  var format: Format?

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    if database != nil, source != nil { throw ValidationError("give --database or --source, not both") }
    if files.isEmpty { throw ValidationError("name at least one file to import") }
  }

  func run() throws {
    let project = try projectOptions.open()
    var given: ImportSource?
    if let database { given = ImportSource(name: database, column: .databases) }
    if let source { given = try ImportSource(parsing: source) }
    var failed = false
    for file in files {
      do {
        let reports = try ProjectImport.run(project: project, paths: [file], source: given, format: format)
        for report in reports { print(report.text) }
      } catch {
        failed = true
        ProjectOutput.error("\(error)")
      }
    }
    if failed { throw ExitCode.failure }
  }
}
