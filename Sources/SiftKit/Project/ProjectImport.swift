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

  static func importFile(project: Project, path: String, source: ImportSource?, format: Format?) throws -> FileReport {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProjectError("\(path): error: cannot read the file (does it exist?)")
    }
    let hash = SHA256.hex([UInt8](data))
    if let previous = try project.store.read({ try $0.importRow(sha256: hash) }) {
      return FileReport(
        path: path, format: previous.format.flatMap(Format.init(rawValue:)), read: 0, stored: 0, rejected: 0,
        diagnostics: [], alreadyImportedAs: "same content as \(previous.path), imported \(previous.importedAt)",
        sources: [:])
    }
    let reading = try ImportReading.read(path: path, format: format)
    var diagnostics = reading.diagnostics
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var newRecords: [NewRecord] = []
    var sources: [String: Int] = [:]
    var recordSources: [String] = []
    var unknownSources: Set<String> = []
    for record in reading.records {
      let resolved = resolveSource(record: record, given: source, review: project.review)
      if !resolved.inProtocol { unknownSources.insert(resolved.source.name) }
      var stored = record
      stored.database = resolved.source.name
      sources[resolved.source.name, default: 0] += 1
      recordSources.append(resolved.source.name)
      let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
      newRecords.append(
        NewRecord(
          fileIndex: record.provenance.index, doi: record.doi, pmid: record.pmid, accession: record.accession,
          title: record.title, json: json, source: resolved.source.name))
    }
    for name in unknownSources.sorted() {
      diagnostics.append(
        Diagnostic(
          .warning,
          "source `\(name)` is not among the protocol's databases, registers or other_methods; PRISMA will count it "
            + "as a database (add it to protocol.yaml or use --database/--source)", file: path))
    }
    let diagnosticsJSON = String(decoding: try encoder.encode(diagnostics), as: UTF8.self)
    let time = SiftClock.now()
    let row = ImportRow(
      path: path, sha256: hash, format: reading.format?.rawValue,
      source: source?.name ?? "", sourceColumn: source?.column.rawValue ?? FlowColumn.databases.rawValue,
      recordsRead: reading.records.count + reading.rejected, recordsStored: newRecords.count,
      recordsRejected: reading.rejected, diagnosticsJson: diagnosticsJSON, importedAt: time)
    let (first, last) = try project.store.write { access -> (String?, String?) in
      let before = try access.recordCount()
      try access.addImport(row, records: newRecords)
      let after = try access.recordCount()
      guard after > before else { return (nil, nil) }
      return (StoreAccess.recordID(seq: before + 1), StoreAccess.recordID(seq: after))
    }
    return FileReport(
      path: path, format: reading.format, read: reading.records.count + reading.rejected, stored: newRecords.count,
      rejected: reading.rejected, diagnostics: diagnostics, alreadyImportedAs: nil, sources: sources,
      firstID: first, lastID: last)
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
