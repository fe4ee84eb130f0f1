import Foundation
import SiftExtract

/// `sift tables`: renders the form's printed tables from the consensus.
public enum TablesExport {
  /// The printed tables of the project's consensus.
  public static func tables(project: ExtractionProject) throws(ExtractionProject.Failure) -> [PrintedTable] {
    guard let consensus = try project.loadStored(ExtractionProject.consensus) else {
      throw ExtractionProject.Failure(
        "no consensus: \(project.relative(project.consensusURL)) is missing; run sift extract consensus or "
          + "sift extract import FILE --reviewer consensus")
    }
    return TableBuilder(form: project.form).tables(consensus)
  }

  /// Writes `table<N>.<ext>` for each table and format into `directory`; returns the paths written.
  public static func write(
    _ tables: [PrintedTable], formats: [TableFormat], to directory: URL, project: ExtractionProject
  ) throws(ExtractionProject.Failure) -> [String] {
    var written: [String] = []
    for format in formats {
      for table in tables {
        let url = directory.appendingPathComponent("table\(table.number).\(format.fileExtension)")
        try project.write(TableRenderer.render(table, as: format), to: url)
        written.append(url.path)
      }
    }
    return written
  }

  /// All tables in one format, separated by blank lines (for standard output).
  public static func joined(_ tables: [PrintedTable], format: TableFormat) -> String {
    tables.map { TableRenderer.render($0, as: format) }.joined(separator: "\n")
  }
}
