import Foundation
import SiftCore

/// A CSV file read per RFC 4180 (quoted fields may hold commas, quotes as `""`, and line breaks), with a header row.
struct CSVTable {
  /// Header names as written.
  var header: [String]
  /// Data rows with the 1-based line each starts on.
  var rows: [(line: Int, fields: [String])]

  /// Parses `text`; a leading BOM and CRLF line ends are accepted. Empty lines are skipped.
  init(text: String, file: String) throws {
    var rows: [(Int, [String])] = []
    var field = ""
    var fields: [String] = []
    var inQuotes = false
    var line = 1
    var rowStart = 1
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    func endRow() {
      fields.append(field)
      field = ""
      if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
      fields = []
    }
    while i < chars.count {
      let c = chars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        inQuotes = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else if c == "\r" || c == "\n" {
        if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
        endRow()
        line += 1
        rowStart = line
      } else {
        field.unicodeScalars.append(c)
      }
      i += 1
    }
    if inQuotes { throw ProjectError("\(file):\(rowStart): error: a quoted field is not closed (missing `\"`)") }
    if !field.isEmpty || !fields.isEmpty { endRow() }
    guard let first = rows.first else {
      throw ProjectError("\(file): error: the file is empty (expected a header row)")
    }
    header = first.1.map { $0.trimmingSpaces }
    self.rows = Array(rows.dropFirst())
  }

  /// The index of a column by case-insensitive name.
  func column(_ name: String) -> Int? {
    header.firstIndex { $0.lowercased() == name.lowercased() }
  }

  /// The value of `column` in `fields`, trimmed; nil when absent or empty.
  static func value(_ fields: [String], _ column: Int?) -> String? {
    guard let column, column < fields.count else { return nil }
    let value = fields[column].trimmingSpaces
    return value.isEmpty ? nil : value
  }

  /// Quotes a field when needed, guarded against spreadsheet formula injection.
  static func escape(_ raw: String) -> String {
    let value = SpreadsheetSafety.guarded(raw)
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
