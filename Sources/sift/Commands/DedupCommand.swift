import ArgumentParser
import Foundation
import SiftCore
import SiftDedup
import SiftIngest
import SiftKit

/// `sift dedup`: across export files (`sift dedup FILE… --out unique.ris`), or in the project (no FILE).
struct DedupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedup",
    abstract: "Find duplicate records, in the project or across export files.",
    discussion: """
      Files mode: `sift dedup FILE… --out unique.ris [--clusters clusters.csv] [--maybe maybe.csv]` reads every \
      FILE, keeps one record per cluster of duplicates (the richest) and writes them to --out (format from its \
      extension: .ris, .csv, .jsonl, .bib). clusters.csv has one row per input record \
      (cluster,file,index,id,primary,reason); maybe.csv the near misses for a person to check. \
      Project mode (no FILE): de-duplicates the project's records; --review lists the pairs to check, \
      --merge A B and --split A record a person's decision. See docs/dedup.md.
      """
  )

  @Argument(help: "Export files to de-duplicate (none: the project in the current folder).")
  var files: [String] = []

  @Option(
    name: .shortAndLong,
    help: "Output file of unique records (.ris, .csv, .jsonl, .bib; default: RIS on standard output).")
  var out: String?

  @Option(name: .long, help: "Write one row per input record with its cluster and the reason to this CSV.")
  var clusters: String?

  @Option(name: .long, help: "Write the near-duplicate pairs for a person to check to this CSV.")
  var maybe: String?

  @Option(name: .long, help: "Output format (ris, csv, jsonl, bibtex) when --out's extension does not say.")
  var to: String?

  @Option(name: .long, help: "Read every input as this format instead of detecting it.")
  var format: String?

  @Option(name: .long, help: "Database of origin to record for every input.")
  var database: String?

  @Option(name: .long, help: "Score at or above which records are merged (default 0.90).")
  var mergeThreshold: Double?

  @Option(name: .long, help: "Score at or above which a pair is listed for review (default 0.75).")
  var reviewThreshold: Double?

  @Option(name: .long, help: "Project mode: the project folder (default: the current folder or one above it).")
  var project: String?

  @Flag(name: .long, help: "Project mode: list the near-duplicate pairs left for a person.")
  var review = false

  @Option(name: .long, parsing: .upToNextOption, help: "Project mode: merge two records (R-ids), `--merge A B`.")
  var merge: [String] = []

  @Option(name: .long, help: "Project mode: take a record (R-id) out of its cluster.")
  var split: [String] = []

  @Flag(name: .long, help: "Print only errors on standard error.")
  var quiet = false

  func validate() throws {
    if merge.count % 2 != 0 { throw ValidationError("--merge takes two record ids: --merge R000001 R000002") }
    if !files.isEmpty, review || !merge.isEmpty || !split.isEmpty || project != nil {
      throw ValidationError(
        "--project, --review, --merge and --split work on a project: run them without FILE arguments")
    }
    if files.isEmpty, mergeThreshold != nil || reviewThreshold != nil {
      throw ValidationError(
        "in a project the thresholds come from the protocol (dedup: merge_threshold, review_threshold)")
    }
    if let m = mergeThreshold, !(0...1).contains(m) { throw ValidationError("--merge-threshold must be in 0…1") }
    if let r = reviewThreshold, !(0...1).contains(r) { throw ValidationError("--review-threshold must be in 0…1") }
  }

  func run() throws {
    guard !files.isEmpty else {
      // Project mode: the project in (or above) the current folder, or --project.
      let pairs = stride(from: 0, to: merge.count, by: 2).map { (merge[$0], merge[$0 + 1]) }
      do {
        let report = try ProjectDedup.run(
          projectPath: project ?? FileManager.default.currentDirectoryPath, review: review, merge: pairs,
          split: split)
        print(report, terminator: "")
      } catch {
        throw fail("\(error)")
      }
      return
    }
    let outputFormat = try chosenOutputFormat()
    let inputFormat = try format.map { raw -> Format in
      guard let parsed = Format(rawValue: raw.lowercased()) else {
        throw fail(
          "unknown input format `\(raw)`; use one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return parsed
    }
    var inputs: [(path: String, records: [Record])] = []
    for file in files {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
        throw fail("\(file): no such file")
      }
      do {
        let read = try IngestFiles.read(paths: [file], database: database, format: inputFormat)
        for summary in read.files { report(summary) }
        inputs.append((file, read.records))
      } catch let error as IngestError {
        throw fail("\(error.file): \(error.message)")
      }
    }
    var options = DedupOptions()
    if let mergeThreshold { options.mergeThreshold = mergeThreshold }
    if let reviewThreshold { options.reviewThreshold = reviewThreshold }
    let outcome = FileDedup.run(files: inputs, options: options)
    do {
      let writer = try RecordFileWriter(path: out ?? "-", format: outputFormat)
      for record in outcome.unique { try writer.write(record) }
      try writer.finish()
    } catch let error as OutputError {
      throw fail("\(error.path): \(error.message)")
    }
    if let clusters { try write(outcome.clustersCSV, to: clusters) }
    if let maybe { try write(outcome.maybeCSV, to: maybe) }
    if !quiet { printError(outcome.summary, newline: false) }
  }

  private func write(_ text: String, to path: String) throws {
    do {
      try OutputFile.write(text, to: path)
    } catch let error as OutputError {
      throw fail("\(error.path): \(error.message)")
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
    printError("sift dedup: error: \(message)")
    return ExitCode.failure
  }

  private func printError(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
  }
}
