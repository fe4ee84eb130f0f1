import SiftCore

/// Turns records into the text of one output format, one record at a time.
/// Encoders keep state across records of one output (the CSV header, BibTeX keys already used).
protocol RecordEncoder {
  /// Text written before the first record.
  var header: String { get }
  /// Appends the UTF-8 text of one record, including its line ends, to `out`.
  mutating func encode(_ record: Record, into out: inout [UInt8])
}

extension OutputFormat {
  /// A fresh encoder for one output stream.
  func makeEncoder() -> any RecordEncoder {
    switch self {
    case .ris: RISEncoder()
    case .csv: CSVEncoder()
    case .jsonl: JSONLEncoder()
    case .bibtex: BibTeXEncoder()
    }
  }
}

/// Renders records as text in memory (tests, small outputs). For files use ``RecordFileWriter``.
public enum RecordText {
  /// The whole output for `records` in `format`, exactly as ``RecordFileWriter`` writes it.
  public static func render(_ records: [Record], as format: OutputFormat) -> String {
    var encoder = format.makeEncoder()
    var bytes = Array(encoder.header.utf8)
    for record in records { encoder.encode(record, into: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
