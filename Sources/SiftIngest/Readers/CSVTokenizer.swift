/// One row of a CSV file: its fields and the 1-based line it starts on.
public struct CSVRow: Sendable, Hashable {
  public var line: Int
  public var fields: [String]
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// An RFC 4180 tokenizer: quoted fields may hold delimiters, doubled quotes and line ends; rows end in CRLF or LF;
/// the delimiter is `,`, `;` or TAB. Lenient where files are not: a quote inside an unquoted field is kept as text.
public struct CSVTokenizer: Sendable {
  private let bytes: [UInt8]
  private var position = 0
  private var line = 1
  public let delimiter: UInt8
  /// Set when the file ended inside a quoted field: the 1-based line where that field began.
  public private(set) var unterminatedQuoteLine: Int?

  /// Tokenizes UTF-8 `bytes` (a BOM is skipped); the delimiter is sniffed from the first row when not given.
  public init(bytes: [UInt8], delimiter: UInt8? = nil) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    self.delimiter = delimiter ?? Self.sniffDelimiter(bytes)
  }

  public init(text: String, delimiter: UInt8? = nil) {
    self.init(bytes: Array(text.utf8), delimiter: delimiter)
  }

  /// The delimiter the first row (outside quotes) uses most: TAB, `;` or `,` (`,` on a tie or when there is none).
  public static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
    var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
    var inQuotes = false
    for b in bytes.prefix(65_536) {
      if b == 0x22 { inQuotes.toggle() }
      if !inQuotes, b == 0x0A { break }
      if !inQuotes, counts[b] != nil { counts[b, default: 0] += 1 }
    }
    let comma = counts[0x2C] ?? 0
    let semi = counts[0x3B] ?? 0
    let tab = counts[0x09] ?? 0
    if tab > comma, tab >= semi { return 0x09 }
    if semi > comma { return 0x3B }
    return 0x2C
  }

  /// The next row, or nil at the end of the input. Blank lines are skipped.
  public mutating func next() -> CSVRow? {
    while position < bytes.count {
      let start = line
      var fields: [String] = []
      var field: [UInt8] = []
      var quoted = false
      var inQuotes = false
      var quoteLine = line
      var endedRow = false
      while position < bytes.count {
        let b = bytes[position]
        if inQuotes {
          if b == 0x22 {
            if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
              field.append(0x22)
              position += 2
              continue
            }
            inQuotes = false
            position += 1
            continue
          }
          if b == 0x0A { line += 1 }
          field.append(b)
          position += 1
          continue
        }
        if b == 0x22, field.isEmpty, !quoted {
          inQuotes = true
          quoted = true
          quoteLine = line
          position += 1
          continue
        }
        if b == delimiter {
          fields.append(String(decoding: field, as: UTF8.self))
          field.removeAll(keepingCapacity: true)
          quoted = false
          position += 1
          continue
        }
        if b == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
          position += 1
          continue
        }
        if b == 0x0A || b == 0x0D {
          position += 1
          line += 1
          endedRow = true
          break
        }
        field.append(b)
        position += 1
      }
      if inQuotes { unterminatedQuoteLine = quoteLine }
      fields.append(String(decoding: field, as: UTF8.self))
      if fields.count == 1, fields[0].isEmpty, !quoted {
        if endedRow || position >= bytes.count { continue }
      }
      return CSVRow(line: start, fields: fields)
    }
    return nil
  }

  /// Every row.
  public mutating func allRows() -> [CSVRow] {
    var rows: [CSVRow] = []
    while let row = next() { rows.append(row) }
    return rows
  }
}
