/// RFC 4180 CSV: reading records with their starting line, writing fields quoted when needed.
public enum ExtractionCSV {
  /// A record and the 1-based line it starts on.
  public struct Record: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
  }

  /// An unterminated quoted field.
  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var description: String { "line \(line): a quoted field is not closed (missing \")" }
  }

  /// Parses `text` into records; CRLF and LF line ends; a UTF-8 BOM is ignored; blank lines are skipped.
  public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldStarted = false
    var characters = Array(text.unicodeScalars.map(Character.init))
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields = []
      field = ""
      fieldStarted = false
    }
    while index < characters.count {
      let character = characters[index]
      if inQuotes {
        if character == "\"" {
          if index + 1 < characters.count && characters[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" { line += 1 }
          if character == "\r" && index + 1 < characters.count && characters[index + 1] == "\n" {
            index += 1
            line += 1
            field.append("\n")
          } else {
            field.append(character)
          }
        }
      } else {
        switch character {
        case "\"":
          inQuotes = true
          fieldStarted = true
        case ",":
          fields.append(field)
          field = ""
          fieldStarted = true
        case "\r", "\n", "\r\n":
          if character == "\r" && index + 1 < characters.count && characters[index + 1] == "\n" { index += 1 }
          endRecord()
          line += 1
          recordLine = line
        default:
          field.append(character)
          fieldStarted = true
        }
      }
      index += 1
    }
    if inQuotes { throw SyntaxError(line: recordLine) }
    if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
    return records
  }

  /// One CSV line (without line end), quoting fields that hold `,`, `"`, or line breaks.
  public static func line(_ fields: [String]) -> String {
    fields.map(quote).joined(separator: ",")
  }

  /// A field quoted when needed.
  public static func quote(_ field: String) -> String {
    if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ")
      || field.hasSuffix(" ")
    {
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return field
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
