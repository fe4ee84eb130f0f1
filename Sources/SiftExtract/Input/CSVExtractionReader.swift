import SiftCore

/// Reads the long CSV format (`study,row,table,entry,column,value,text,note`) against a form; a leading `'` that
/// guards a formula-like cell is removed (see ``CSVExtractionWriter``).
public struct CSVExtractionReader: Sendable {
  /// The header every file starts with.
  public static let header = ["study", "row", "table", "entry", "column", "value", "text", "note"]

  public var form: ExtractionForm
  public var file: String?

  public init(form: ExtractionForm, file: String? = nil) {
    self.form = form
    self.file = file
  }

  /// The extraction with every valid cell, and every problem found.
  public func read(_ text: String) -> (extraction: Extraction, issues: [ExtractionIssue]) {
    var extraction = Extraction(form: form.id)
    var issues: [ExtractionIssue] = []
    let records: [ExtractionCSV.Record]
    do {
      records = try ExtractionCSV.parse(text)
    } catch {
      return (extraction, [ExtractionIssue(.error, error.description, file: file, line: error.line)])
    }
    guard let headerRecord = records.first else {
      return (extraction, [ExtractionIssue(.error, "the file is empty; expected the header line", file: file)])
    }
    let header = headerRecord.fields.map { $0.trimmed.lowercased() }
    guard Array(header.prefix(6)) == Array(Self.header.prefix(6)) else {
      return (
        extraction,
        [
          ExtractionIssue(
            .error, "the header must be \(Self.header.joined(separator: ",")) (text and note optional)", file: file,
            line: headerRecord.line)
        ]
      )
    }
    var seen: [CellAddress: Int] = [:]
    var rowStudy: [String: String] = [:]
    for record in records.dropFirst() {
      // Cells come back without the formula guard the writer added.
      var fields = record.fields.map(SpreadsheetSafety.unguarded)
      while fields.count < Self.header.count { fields.append("") }
      let study = fields[0].trimmed
      let row = fields[1].trimmed
      let tableID = fields[2].trimmed
      let entryText = fields[3].trimmed
      let column = fields[4].trimmed
      let value = fields[5]
      let printed = fields[6]
      let note = fields[7]
      func issue(_ message: String, _ severity: SiftCoreSeverity = .error) -> ExtractionIssue {
        ExtractionIssue(
          severity, message, file: file, line: record.line, study: study.isEmpty ? nil : study,
          row: row.isEmpty ? nil : row, table: tableID.isEmpty ? nil : tableID, entry: Int(entryText),
          column: column.isEmpty ? nil : column)
      }
      if record.fields.count > Self.header.count {
        issues.append(
          issue("\(record.fields.count) fields, expected \(Self.header.count); quote values holding commas"))
        continue
      }
      guard !study.isEmpty else {
        issues.append(issue("no study id"))
        continue
      }
      if value.isEmpty && printed.isEmpty && note.isEmpty { continue }
      var entry = 1
      if !entryText.isEmpty {
        guard let number = Int(entryText), number >= 1 else {
          issues.append(issue("entry \"\(entryText)\" must be a number from 1"))
          continue
        }
        entry = number
      }
      let address = CellAddress(study: study, row: row, table: tableID, entry: entry, column: column)
      var cell = Cell(text: printed.isEmpty ? nil : printed, note: note.isEmpty ? nil : note)
      if tableID == Extraction.studyTable {
        guard ["label", "record", "note"].contains(column) else {
          issues.append(issue("table _study has columns label, record, note"))
          continue
        }
        if column == "record" {
          guard RecordLink.isValid(value) else {
            issues.append(issue("record \"\(value)\" must be doi:<DOI>, id:<record id>, pmid:<PMID> or R000012"))
            continue
          }
          // Records are appended in file order, whatever their entry number.
          let existing = extraction.study(study)?.records.count ?? 0
          let next = CellAddress(study: study, row: "", table: tableID, entry: existing + 1, column: "record")
          extraction.set(Cell(value: .text(value.trimmed)), at: next)
          continue
        }
        cell.value = .text(value)
        if seen[address] != nil {
          issues.append(issue("the same cell appears again (first on line \(seen[address] ?? 0))"))
          continue
        }
        seen[address] = record.line
        extraction.set(cell, at: address)
        continue
      }
      guard RowID.isValid(row) else {
        issues.append(issue("row id \"\(row)\" must match \(RowID.pattern)"))
        continue
      }
      if let other = rowStudy[row], other != study {
        issues.append(issue("row \(row) is also in study \(other); row ids are unique in a file"))
        continue
      }
      rowStudy[row] = study
      if tableID == Extraction.rowTable {
        guard column == "note" else {
          issues.append(issue("table _row has the column note"))
          continue
        }
        cell.value = .text(value)
      } else {
        guard let table = form.table(tableID) else {
          let known = form.tables.map(\.id).joined(separator: ", ")
          issues.append(issue("unknown table `\(tableID)` (the form has: \(known), _study, _row)"))
          continue
        }
        if !table.isMany && entry != 1 {
          issues.append(issue("table \(table.id) takes one entry per row; leave entry empty"))
          continue
        }
        if column.hasPrefix("@") {
          guard Extraction.entryKeys.contains(column) else {
            issues.append(issue("unknown reserved key `\(column)` (expected @label, @reference, @order, @note)"))
            continue
          }
          if column == "@order" {
            guard let number = NumberValue.parse(value) else {
              issues.append(issue("@order \"\(value)\" is not a number"))
              continue
            }
            cell.value = .number(number)
          } else {
            cell.value = .text(value)
          }
        } else {
          guard let formColumn = table.column(column) else {
            let known = table.columns.map(\.id).joined(separator: ", ")
            issues.append(issue("unknown column `\(column)` (table \(table.id) has: \(known))"))
            continue
          }
          if !value.isEmpty {
            let parsed = ValueCodec.parse(value, for: formColumn)
            for warning in parsed.warnings { issues.append(issue(warning, .warning)) }
            if let error = parsed.error {
              issues.append(issue(error))
              continue
            }
            cell.value = parsed.value
          }
        }
      }
      if let first = seen[address] {
        issues.append(issue("the same cell appears again (first on line \(first))"))
        continue
      }
      seen[address] = record.line
      extraction.set(cell, at: address)
    }
    return (extraction, issues)
  }
}
