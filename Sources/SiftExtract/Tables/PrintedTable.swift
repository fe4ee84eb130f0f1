/// A table as a journal prints it: numbered caption, header, one line per row (grouped by study), footnotes.
public struct PrintedTable: Sendable, Hashable {
  /// One printed line.
  public struct Line: Sendable, Hashable {
    /// Printed row id, e.g. `1a`.
    public var id: String
    /// Printed reference, e.g. `Andersson et al. (28)`.
    public var reference: String
    /// The cells of the printed columns, in header order (line breaks as `\n`).
    public var cells: [String]
    /// Study id, for grouping.
    public var study: String
    /// Row id in the extraction (may differ from the printed id).
    public var row: String

    public init(id: String, reference: String, cells: [String], study: String, row: String) {
      self.id = id
      self.reference = reference
      self.cells = cells
      self.study = study
      self.row = row
    }
  }

  public var tableID: String
  public var number: Int
  public var caption: String
  /// Header of the reference column.
  public var referenceHeader: String
  /// Headers of the printed columns.
  public var headers: [String]
  /// Column types, for alignment.
  public var types: [ColumnType]
  public var lines: [Line]
  public var footnotes: [String]

  /// Lines grouped into runs of the same study, in print order.
  public var groups: [[Line]] {
    var groups: [[Line]] = []
    for line in lines {
      if let last = groups.last?.last, last.study == line.study {
        groups[groups.count - 1].append(line)
      } else {
        groups.append([line])
      }
    }
    return groups
  }
}

/// Builds the printed tables of a form from an extraction (the consensus).
public struct TableBuilder: Sendable {
  public var form: ExtractionForm

  public init(form: ExtractionForm) {
    self.form = form
  }

  /// Every table with a `number`, in number order.
  public func tables(_ extraction: Extraction) -> [PrintedTable] {
    form.tables.filter { $0.number != nil }.sorted { ($0.number ?? 0) < ($1.number ?? 0) }.map {
      table($0, extraction)
    }
  }

  /// One printed table.
  public func table(_ table: FormTable, _ extraction: Extraction) -> PrintedTable {
    let columns = table.printedColumns
    var lines: [(line: PrintedTable.Line, order: NumberValue?, position: Int)] = []
    for (study, row) in extraction.rows {
      let entries = row.tables[table.id] ?? []
      let shown = table.isMany ? entries : [entries.first ?? Entry()]
      for entry in shown {
        let cells = columns.map { printedCell(entry, column: $0, table: table) }
        let line = PrintedTable.Line(
          id: entry.label ?? row.id, reference: entry.reference ?? study.label ?? study.id, cells: cells,
          study: study.id, row: row.id)
        lines.append((line, entry.order, lines.count))
      }
    }
    if table.order == .label {
      lines.sort { left, right in
        switch (left.order, right.order) {
        case (let l?, let r?) where l.value != r.value: return l.value < r.value
        case (.some, nil): return true
        case (nil, .some): return false
        default:
          let l = NaturalOrder.key(left.line.id)
          let r = NaturalOrder.key(right.line.id)
          return l != r ? l < r : left.position < right.position
        }
      }
    }
    var footnotes: [String] = []
    if let note = form.footnoteNotAvailable { footnotes.append(note) }
    footnotes += table.footnotes ?? []
    return PrintedTable(
      tableID: table.id, number: table.number ?? 0, caption: table.caption ?? table.id,
      referenceHeader: table.referenceLabel ?? form.referenceLabel ?? "References",
      headers: columns.map(\.header), types: columns.map(\.type), lines: lines.map(\.line), footnotes: footnotes)
  }

  /// A printed cell: the verbatim text when given, else the formatted value joined with its `print_with` columns.
  public func printedCell(_ entry: Entry, column: FormColumn, table: FormTable) -> String {
    guard let cell = entry.cells[column.id] else { return "" }
    if let text = cell.text, !text.isEmpty { return text }
    guard let value = cell.value else { return "" }
    var parts = [ValueCodec.printed(value, for: column)]
    for otherID in column.printWith ?? [] {
      guard let other = table.column(otherID), let otherCell = entry.cells[otherID] else { continue }
      if let text = otherCell.text, !text.isEmpty {
        parts.append(text)
      } else if let otherValue = otherCell.value {
        parts.append(ValueCodec.printed(otherValue, for: other))
      }
    }
    let joined = parts.joined(separator: ", ")
    // Category values start a printed cell with a capital, as journals print them ("Weekly, n.a.").
    guard column.type == .category || column.type == .multiCategory, joined != CellValue.notAvailableText,
      let first = joined.first
    else { return joined }
    return first.uppercased() + joined.dropFirst()
  }
}
