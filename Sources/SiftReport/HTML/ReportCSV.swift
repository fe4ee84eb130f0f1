/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows, for showing tables in the report.
/// (Named apart from SiftExtract's `CSVTable`, which SiftKit also imports.)
enum ReportCSV {
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = iterator.next()
    while let scalar = pending {
      pending = iterator.next()
      if quoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = iterator.next()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r": continue
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }

  /// An HTML table with the first row as header; every cell escaped.
  static func html(_ text: String) -> String {
    let rows = rows(text)
    guard let header = rows.first else { return "<p>(empty file)</p>" }
    var out = ["<table>", "<thead><tr>" + header.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead>"]
    out.append("<tbody>")
    for row in rows.dropFirst() {
      out.append("<tr>" + row.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>")
    }
    out.append("</tbody>")
    out.append("</table>")
    return out.joined(separator: "\n")
  }
}
