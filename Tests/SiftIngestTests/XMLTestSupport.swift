import Foundation
import SiftCore
import SiftIngest
import TestSupport

/// Helpers for the structured-format reader tests.
enum StructTestIO {
  /// Reads `input` with `reader`; returns the records and the sink (diagnostics, counts).
  static func read(_ reader: some RecordReader, _ input: InputSource) throws -> (records: [Record], sink: RecordSink) {
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try reader.read(input, into: &sink)
    return (records, sink)
  }

  /// Reads a file given as bytes of text.
  static func read(_ reader: some RecordReader, name: String, text: String) throws -> (
    records: [Record], sink: RecordSink
  ) {
    try read(reader, .memory(name: name, bytes: Array(text.utf8)))
  }

  /// The PROVENANCE.md rows for files under the given folders (or exact paths).
  static func provenanceRows(where include: (String) -> Bool) -> [FixtureCount] {
    ((try? Fixtures.provenanceCounts()) ?? []).filter { include($0.path) }.map {
      FixtureCount(path: $0.path, records: $0.records)
    }
  }

  /// Writes `text` to a new temporary file and returns its path.
  static func temporaryFile(_ name: String, _ text: String) throws -> String {
    let dir = try Fixtures.temporaryDirectory("sift-struct")
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

/// One fixture file and its expected record count.
struct FixtureCount: Sendable, CustomStringConvertible {
  var path: String
  var records: Int
  var description: String { path }
}
