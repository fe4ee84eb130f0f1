import SiftCore

/// Writes an extraction in the long CSV format (`study,row,table,entry,column,value,text,note`). Cells a spreadsheet
/// would run as a formula get a leading `'` (``SiftCore/SpreadsheetSafety/reversiblyGuarded(_:)``), which
/// ``CSVExtractionReader`` removes again.
public struct CSVExtractionWriter: Sendable {
  public var form: ExtractionForm
  /// Write a line for every form column of every row, empty ones included (for templates).
  public var includeEmptyColumns: Bool

  public init(form: ExtractionForm, includeEmptyColumns: Bool = false) {
    self.form = form
    self.includeEmptyColumns = includeEmptyColumns
  }

  /// The CSV text with header, LF line ends, ending with a newline.
  public func write(_ extraction: Extraction) -> String {
    var lines = [Self.line(CSVExtractionReader.header)]
    if includeEmptyColumns {
      for study in extraction.studies {
        lines.append(Self.line([study.id, "", Extraction.studyTable, "", "label", study.label ?? "", "", ""]))
        for (index, record) in study.records.enumerated() {
          lines.append(
            Self.line([study.id, "", Extraction.studyTable, String(index + 1), "record", record, "", ""]))
        }
        for row in study.rows {
          for table in form.tables {
            let entries = row.tables[table.id] ?? []
            for index in 0..<max(1, entries.count) {
              let entry = index < entries.count ? entries[index] : Entry()
              let entryText = table.isMany ? String(index + 1) : ""
              for column in table.columns {
                let cell = entry.cells[column.id]
                lines.append(
                  Self.line(
                    [study.id, row.id, table.id, entryText, column.id]
                      + (cell.map(Self.fields) ?? ["", "", ""])))
              }
            }
          }
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    for (address, cell) in extraction.flattened(form: form) {
      let manyTable = form.table(address.table)?.isMany ?? false
      let entryText =
        (manyTable || (address.table == Extraction.studyTable && address.column == "record"))
        ? String(address.entry) : ""
      lines.append(
        Self.line([address.study, address.row, address.table, entryText, address.column] + Self.fields(cell)))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One guarded CSV line.
  static func line(_ fields: [String]) -> String {
    ExtractionCSV.line(fields.map(SpreadsheetSafety.reversiblyGuarded))
  }

  /// value, text, note fields of a cell.
  static func fields(_ cell: Cell) -> [String] {
    [cell.value.map(ValueCodec.write) ?? "", cell.text ?? "", cell.note ?? ""]
  }
}
