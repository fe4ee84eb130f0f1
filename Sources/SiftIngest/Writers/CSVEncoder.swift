import Foundation
import SiftCore

/// CSV output (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed) with a fixed header.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`.
struct CSVEncoder: RecordEncoder {
  /// The columns, in order. Lists (authors, keywords, ISSN, ISBN, URLs) are joined with `; `; authors are written
  /// as in RIS (as written, else `Family, Given`; an organisation ends with a comma).
  static let columns = [
    "id", "type", "title", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid", "issn", "isbn",
    "abstract", "keywords", "language", "url", "database", "source_file", "source_index",
  ]

  var header: String { Self.columns.joined(separator: ",") + "\r\n" }

  mutating func encode(_ record: Record) -> String {
    let cells: [String] = [
      record.accession ?? "",
      record.type ?? "",
      record.title ?? "",
      record.authors.map(RISEncoder.authorText).joined(separator: "; "),
      record.year.map(String.init) ?? "",
      record.sourceTitle ?? "",
      record.volume ?? "",
      record.issue ?? "",
      record.pages ?? "",
      record.doi ?? "",
      record.pmid ?? "",
      record.issn.joined(separator: "; "),
      record.isbn.joined(separator: "; "),
      record.abstract ?? "",
      record.keywords.joined(separator: "; "),
      record.language ?? "",
      record.urls.joined(separator: "; "),
      record.database ?? "",
      record.provenance.file,
      String(record.provenance.index),
    ]
    return cells.map(Self.cell).joined(separator: ",") + "\r\n"
  }

  /// One cell: formula guard, then RFC 4180 quoting.
  static func cell(_ raw: String) -> String {
    var value = raw
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
