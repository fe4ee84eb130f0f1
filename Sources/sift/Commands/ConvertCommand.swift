import ArgumentParser
import Foundation
import SiftCore
import SiftIngest
import SiftKit

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert export files to RIS, CSV, JSON lines or BibTeX.",
    discussion: """
      Reads every FILE (format detected from its content: RIS, Web of Science, MEDLINE/nbib, Ovid, EndNote \
      tagged or XML, PubMed XML, BibTeX, CSV) and writes all records, in file order, to standard output or --out. \
      A summary per file goes to standard error. See docs/convert.md.
      """
  )

  @Argument(help: "Export files to read.")
  var files: [String]

  @Option(name: .long, help: "Output format: ris, csv, jsonl or bibtex (default: from --out's extension, else ris).")
  var to: String?

  @Option(name: .shortAndLong, help: "Output file (default: standard output).")
  var out: String?

  @Option(name: .long, help: "Read every input as this format instead of detecting it (e.g. ris, bibtex, pubmed-xml).")
  var format: String?

  @Option(name: .long, help: "Database of origin to record for every input (default: inferred from the content).")
  var database: String?

  @Flag(name: .long, help: "Print only errors on standard error.")
  var quiet = false

  func run() throws {
    let outputFormat = try chosenOutputFormat()
    let inputFormat = try format.map { raw -> Format in
      guard let parsed = Format(rawValue: raw.lowercased()) else {
        throw fail(
          "unknown input format `\(raw)`; use one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return parsed
    }
    for file in files {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
        throw fail("\(file): no such file")
      }
    }
    let writer = try RecordFileWriter(path: out ?? "-", format: outputFormat)
    var total = 0
    do {
      for file in files {
        let summary = try IngestFiles.read(paths: [file], database: database, format: inputFormat) { record in
          try writer.write(record)
        }
        for fileSummary in summary {
          total += fileSummary.recordCount
          report(fileSummary)
        }
      }
      try writer.finish()
    } catch let error as IngestError {
      try? writer.finish()
      if let out { OutputFile.removePartial(out) }
      throw fail("\(error.file): \(error.message)")
    } catch let error as OutputError {
      throw fail("\(error.path): \(error.message)")
    }
    if !quiet, files.count > 1 {
      printError("\(total) records written as \(outputFormat.rawValue) to \(out ?? "standard output")")
    }
  }

  private func chosenOutputFormat() throws -> OutputFormat {
    switch FileCommandSupport.outputFormat(to: to, out: out) {
    case .success(let format): return format
    case .failure(let error): throw fail(error.message)
    }
  }

  /// One line per file, then its diagnostics (errors always, warnings unless --quiet).
  private func report(_ summary: FileReadSummary) {
    for line in FileCommandSupport.reportLines(summary, quiet: quiet) { printError(line) }
  }

  private func fail(_ message: String) -> ExitCode {
    printError("sift convert: error: \(message)")
    return ExitCode.failure
  }

  private func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
