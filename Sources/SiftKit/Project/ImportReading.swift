import SiftCore
import SiftIngest

/// Reads one export file with ``SiftIngest/Ingest`` (the one place `sift import` touches SiftIngest).
enum ImportReading {
  struct Result {
    var format: Format?
    var encoding: String?
    var records: [Record]
    var rejected: Int
    var diagnostics: [Diagnostic]
  }

  static func read(path: String, format: Format?) throws -> Result {
    var records: [Record] = []
    let summary = try Ingest.read(.file(path: path), format: format) { records.append($0) }
    return Result(
      format: summary.format, encoding: summary.encoding, records: records, rejected: summary.rejectedCount,
      diagnostics: summary.diagnostics)
  }
}
