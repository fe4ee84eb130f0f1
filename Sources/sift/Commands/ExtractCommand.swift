import ArgumentParser
import Foundation
import SiftExtract
import SiftKit

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Dual data extraction: templates, import, conflicts, resolution.",
    discussion: "Formats: docs/extraction.md. Files live in <project>/extraction/.",
    subcommands: [
      ExtractTemplate.self, ExtractImport.self, ExtractExport.self, ExtractConsensus.self, ExtractConflicts.self,
      ExtractResolve.self, ExtractForm.self,
    ]
  )
}

/// `--project DIR`, shared by the extraction commands.
struct ProjectOption: ParsableArguments {
  @Option(name: .long, help: "The project folder (holding protocol.yaml); default: this folder or above.")
  var project: String?

  func load() throws -> ExtractionProject {
    do {
      return try ExtractionProject.locate(project)
    } catch {
      printError("error: \(error.description)")
      throw ExitCode(1)
    }
  }
}

/// Prints to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Turns a project failure into a one-line error exit.
func reporting<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let failure as ExtractionProject.Failure {
    printError("error: \(failure.description)")
    throw ExitCode(1)
  }
}

struct ExtractTemplate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template", abstract: "Write an empty extraction of the included studies for one reviewer.")

  @OptionGroup var options: ProjectOption
  @Option(help: "Reviewer initials, e.g. CML.") var reviewer: String
  @Option(help: "yaml or csv.") var format: String = "yaml"
  @Option(help: "Study ids, one per line (or study,row[,label]); default: the studies of the consensus.")
  var studies: String?
  @Option(help: "Write here instead of standard output.") var out: String?

  func run() throws {
    guard let fileFormat = ExtractionWorkflow.FileFormat(rawValue: format) else {
      throw ValidationError("--format must be yaml or csv")
    }
    let project = try options.load()
    let text = try reporting {
      try ExtractionWorkflow.template(
        project: project, reviewer: reviewer, format: fileFormat, studiesFile: studies.map(URL.init(fileURLWithPath:)))
    }
    if let out {
      try reporting { try project.write(text, to: URL(fileURLWithPath: out)) }
      print("wrote \(out)")
    } else {
      print(text, terminator: "")
    }
  }
}

struct ExtractImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Validate a reviewer's extraction (YAML or CSV) and store it as extraction/<REVIEWER>.yaml.")

  @OptionGroup var options: ProjectOption
  @Argument(help: "The extraction file (.yaml, .yml or .csv).") var file: String
  @Option(help: "Reviewer initials, or `consensus`.") var reviewer: String
  @Flag(help: "Store the valid cells even when some are invalid (the invalid ones are listed).") var partial = false

  func run() throws {
    let project = try options.load()
    let result = try reporting {
      try ExtractionWorkflow.importFile(
        project: project, file: URL(fileURLWithPath: file), reviewer: reviewer, partial: partial)
    }
    for issue in result.issues { printError(issue.description) }
    let warnings = result.issues.count - result.errors
    if result.stored {
      var line = "\(reviewer): stored \(result.studies) studies, \(result.cells) cells in \(result.destination)"
      if result.errors > 0 { line += "; \(result.errors) invalid cells left out (--partial)" }
      if warnings > 0 { line += "; \(warnings) warnings" }
      print(line)
    } else {
      printError(
        "error: \(file): \(result.errors) errors, nothing stored; fix them, or use --partial to store the valid cells")
      throw ExitCode(1)
    }
  }
}

struct ExtractExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Print a stored extraction (a reviewer's or the consensus) as YAML or long CSV.")

  @OptionGroup var options: ProjectOption
  @Option(help: "Reviewer initials, or `consensus`.") var reviewer: String = "consensus"
  @Option(help: "yaml or csv.") var format: String = "csv"
  @Option(help: "Write here instead of standard output.") var out: String?

  func run() throws {
    guard let fileFormat = ExtractionWorkflow.FileFormat(rawValue: format) else {
      throw ValidationError("--format must be yaml or csv")
    }
    let project = try options.load()
    let text = try reporting { try ExtractionWorkflow.export(project: project, reviewer: reviewer, format: fileFormat) }
    if let out {
      try reporting { try project.write(text, to: URL(fileURLWithPath: out)) }
      print("wrote \(out)")
    } else {
      print(text, terminator: "")
    }
  }
}

struct ExtractConsensus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "consensus", abstract: "Copy every cell both reviewers agree on into extraction/consensus.yaml.")

  @OptionGroup var options: ProjectOption
  @Option(help: "The two reviewers, e.g. CML,LJ (default: protocol reviewers).") var reviewers: String?

  func run() throws {
    let project = try options.load()
    let pair = try reporting {
      try ExtractionWorkflow.reviewers(project: project, given: reviewers?.split(separator: ",").map(String.init))
    }
    let result = try reporting { try ExtractionWorkflow.buildConsensus(project: project, reviewers: pair) }
    print(
      "consensus: \(result.copied) agreed cells copied; \(result.open) conflicts open (sift extract conflicts)")
  }
}

struct ExtractConflicts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflicts", abstract: "List every cell where the two reviewers differ.")

  @OptionGroup var options: ProjectOption
  @Option(help: "The two reviewers, e.g. CML,LJ (default: protocol reviewers).") var reviewers: String?
  @Option(help: "text or csv.") var format: String = "text"
  @Flag(help: "Only conflicts the consensus has not resolved.") var open = false

  func run() throws {
    guard format == "text" || format == "csv" else { throw ValidationError("--format must be text or csv") }
    let project = try options.load()
    let pair = try reporting {
      try ExtractionWorkflow.reviewers(project: project, given: reviewers?.split(separator: ",").map(String.init))
    }
    var conflicts = try reporting { try ExtractionWorkflow.conflicts(project: project, reviewers: pair) }
    if open { conflicts = conflicts.filter { !$0.isResolved } }
    print(ExtractionWorkflow.render(conflicts, reviewers: pair, csv: format == "csv"), terminator: "")
  }
}

struct ExtractResolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve", abstract: "Record the agreed value of one cell in extraction/consensus.yaml.")

  @OptionGroup var options: ProjectOption
  @Argument(help: "Study id.") var study: String
  @Argument(help: "Row id.") var row: String
  @Argument(help: "Column id (or @label, @reference, @order, @note with --table).") var column: String
  @Option(help: "The agreed value as in the CSV format (n.a. for not available; empty with --text).") var value: String
  @Option(help: "Who decided.") var by: String
  @Option(help: "Table id, when the column is in several tables.") var table: String?
  @Option(help: "Entry number in a many-entry table (default 1).") var entry: Int?
  @Option(help: "The paper's printed text of the cell.") var text: String?

  func run() throws {
    let project = try options.load()
    let resolution = try reporting {
      try ExtractionWorkflow.resolve(
        project: project, study: study, row: row, column: column, table: table, entry: entry, value: value,
        text: text, by: by)
    }
    print("\(resolution.address): \(ExtractionWorkflow.describe(resolution.cell)) (by \(resolution.by))")
  }
}

struct ExtractForm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "form", abstract: "Print the project's extraction form (or a built-in one) as YAML.")

  @Option(help: "The project folder; default: this folder or above.") var project: String?
  @Option(help: "A built-in form id instead of the project's form.") var builtin: String?

  func run() throws {
    if let builtin {
      guard let text = ExtractionBuiltinForms.text(for: builtin) else {
        throw ValidationError(
          "no built-in form \(builtin) (have: \(ExtractionBuiltinForms.ids.joined(separator: ", ")))")
      }
      print(text, terminator: "")
      return
    }
    let loaded = try ProjectOption(project: project).load()
    print("form \(loaded.form.id): \(loaded.form.tables.map(\.id).joined(separator: ", "))")
  }
}

extension ProjectOption {
  init(project: String?) {
    self.init()
    self.project = project
  }
}
