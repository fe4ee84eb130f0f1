import Foundation
import SiftCore
import SiftIngest
import SiftStore

/// `sift import`: reads export files into the project, one transaction per file.
public enum ProjectImport {
  /// What happened to one file.
  public struct FileReport: Sendable {
    public var path: String
    public var format: Format?
    public var read: Int
    public var stored: Int
    public var rejected: Int
    public var diagnostics: [Diagnostic]
    /// Set when the same content was imported before (nothing stored).
    public var alreadyImportedAs: String?
    /// Source name per stored record count, e.g. `Scopus: 8`.
    public var sources: [String: Int]
    /// First and last record id stored.
    public var firstID: String?
    public var lastID: String?

    /// The report as printed by `sift import`.
    public var text: String {
      var lines: [String] = []
      if let alreadyImportedAs {
        lines.append("\(path): already imported (\(alreadyImportedAs)); nothing stored")
        return lines.joined(separator: "\n")
      }
      let range = firstID.map { first in " (\(first)…\(lastID ?? first))" } ?? ""
      lines.append(
        "\(path): \(format?.displayName ?? "unknown format"): \(read) read, \(stored) stored\(range), \(rejected) rejected"
      )
      if !sources.isEmpty {
        lines.append(
          "  source: " + sources.keys.sorted().map { "\($0) (\(sources[$0] ?? 0))" }.joined(separator: ", "))
      }
      for diagnostic in diagnostics { lines.append("  \(diagnostic)") }
      return lines.joined(separator: "\n")
    }
  }

  /// Imports `paths` into the project. `source` (from `--database`/`--source`) names the source of every record;
  /// otherwise each record's own `database` (inferred by the reader) is used, or `Unknown`.
  public static func run(project: Project, paths: [String], source: ImportSource?, format: Format? = nil) throws
    -> [FileReport]
  {
    var reports: [FileReport] = []
    for path in paths {
      reports.append(try importFile(project: project, path: path, source: source, format: format))
    }
    return reports
  }

  /// Reads the file and stores its records as they are read, in one transaction: a failure stores nothing, and
  /// memory stays flat whatever the file size (the file is hashed in chunks, records are never all held).
  static func importFile(project: Project, path: String, source: ImportSource?, format: Format?) throws -> FileReport {
    guard let hash = try? SHA256.hexOfFile(atPath: path) else {
      throw ProjectError("\(path): error: cannot read the file (does it exist?)")
    }
    if let previous = try project.store.read({ try $0.importRow(sha256: hash) }) {
      return FileReport(
        path: path, format: previous.format.flatMap(Format.init(rawValue:)), read: 0, stored: 0, rejected: 0,
        diagnostics: [], alreadyImportedAs: "same content as \(previous.path), imported \(previous.importedAt)",
        sources: [:])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let review = project.review
    let time = SiftClock.now()
    return try project.store.write { access -> FileReport in
      var row = try access.beginImport(
        ImportRow(
          path: path, sha256: hash, format: format?.rawValue, source: source?.name ?? "",
          sourceColumn: source?.column.rawValue ?? FlowColumn.databases.rawValue, recordsRead: 0, recordsStored: 0,
          recordsRejected: 0, diagnosticsJson: "[]", importedAt: time))
      let firstSeq = try access.nextRecordSeq()
      var seq = firstSeq
      var sources: [String: Int] = [:]
      var unknownSources: Set<String> = []
      let summary = try ImportReading.read(path: path, format: format) { record in
        let resolved = resolveSource(record: record, given: source, review: review)
        if !resolved.inProtocol { unknownSources.insert(resolved.source.name) }
        var stored = record
        stored.database = resolved.source.name
        sources[resolved.source.name, default: 0] += 1
        let json = StoredRecordJSON.encode(stored)
        try access.addRecord(
          NewRecord(
            fileIndex: record.provenance.index, doi: record.doi, pmid: record.pmid, accession: record.accession,
            title: record.title, json: json, source: resolved.source.name),
          importID: row.id, seq: seq)
        seq += 1
      }
      var diagnostics = summary.diagnostics
      for name in unknownSources.sorted() {
        diagnostics.append(
          Diagnostic(
            .warning,
            "source `\(name)` is not among the protocol's databases, registers or other_methods; PRISMA will count "
              + "it as a database (add it to protocol.yaml or use --database/--source)", file: path))
      }
      let stored = seq - firstSeq
      row.format = summary.format?.rawValue
      row.recordsRead = stored + summary.rejected
      row.recordsStored = stored
      row.recordsRejected = summary.rejected
      row.diagnosticsJson = String(decoding: try encoder.encode(diagnostics), as: UTF8.self)
      try access.finishImport(row)
      return FileReport(
        path: path, format: summary.format, read: stored + summary.rejected, stored: stored,
        rejected: summary.rejected, diagnostics: diagnostics, alreadyImportedAs: nil, sources: sources,
        firstID: stored > 0 ? StoreAccess.recordID(seq: firstSeq) : nil,
        lastID: stored > 0 ? StoreAccess.recordID(seq: seq - 1) : nil)
    }
  }

  private static func resolveSource(record: Record, given: ImportSource?, review: ReviewProtocol) -> (
    source: ImportSource, inProtocol: Bool
  ) {
    if let given {
      if let known = ImportSource.fromProtocol(given.name, review: review) { return (known, true) }
      return (given, false)
    }
    let name = record.database?.trimmingSpaces ?? ""
    if !name.isEmpty, let known = ImportSource.fromProtocol(name, review: review) { return (known, true) }
    return (ImportSource(name: name.isEmpty ? "Unknown" : name, column: .databases), false)
  }
}
