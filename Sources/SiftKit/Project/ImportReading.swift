import SiftCore
import SiftIngest

/// Reads one export file with ``SiftIngest/Ingest`` (the one place `sift import` touches SiftIngest).
enum ImportReading {
  struct Summary {
    var format: Format?
    var encoding: String?
    var rejected: Int
    var diagnostics: [Diagnostic]
  }

  /// Reads `path`, handing each record to `onRecord` as it is read.
  static func read(path: String, format: Format?, onRecord: (Record) throws -> Void) throws -> Summary {
    let summary = try Ingest.read(.file(path: path), format: format, onRecord: onRecord)
    return Summary(
      format: summary.format, encoding: summary.encoding, rejected: summary.rejectedCount,
      diagnostics: summary.diagnostics)
  }
}
