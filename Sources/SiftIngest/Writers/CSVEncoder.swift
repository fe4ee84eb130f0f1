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

  mutating func encode(_ record: Record, into out: inout [UInt8]) {
    Self.append(record.accession ?? "", to: &out)
    for cell in [
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
    ] {
      out.append(UInt8(ascii: ","))
      Self.append(cell, to: &out)
    }
    out.append(UInt8(ascii: "\r"))
    out.append(UInt8(ascii: "\n"))
  }

  /// Appends one cell as ``cell(_:)`` writes it; plain cells (most) go straight through as bytes.
  static func append(_ raw: String, to out: inout [UInt8]) {
    var plain = true
    for (i, byte) in raw.utf8.enumerated() {
      if i == 0,
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
      {
        plain = false
        break
      }
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
        plain = false
        break
      }
    }
    if plain {
      out.append(contentsOf: raw.utf8)
    } else {
      out.append(contentsOf: cell(raw).utf8)
    }
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
