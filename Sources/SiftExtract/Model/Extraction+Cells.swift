/// The extraction as a flat list of addressed cells (the CSV long format, conflicts and resolution work on this).
/// Study-level fields live in table `_study` (columns `label`, `record`, `note`; one `record` per entry number),
/// row notes in table `_row`, and an entry's reserved keys in columns `@label`, `@reference`, `@order`, `@note`.
extension Extraction {
  /// Table holding study-level fields.
  public static let studyTable = "_study"
  /// Table holding row-level fields.
  public static let rowTable = "_row"
  /// Reserved entry keys as flat column names.
  public static let entryKeys = ["@label", "@reference", "@order", "@note"]

  /// Every non-empty cell, in the order files are written (form order for tables and columns).
  public func flattened(form: ExtractionForm) -> [(address: CellAddress, cell: Cell)] {
    var result: [(CellAddress, Cell)] = []
    for study in studies {
      func add(_ column: String, _ text: String?, entry: Int = 1) {
        guard let text, !text.isEmpty else { return }
        result.append(
          (CellAddress(study: study.id, row: "", table: Self.studyTable, entry: entry, column: column), textCell(text)))
      }
      add("label", study.label)
      for (index, record) in study.records.enumerated() { add("record", record, entry: index + 1) }
      add("note", study.note)
      for row in study.rows {
        if let note = row.note, !note.isEmpty {
          result.append(
            (CellAddress(study: study.id, row: row.id, table: Self.rowTable, column: "note"), textCell(note)))
        }
        let known = form.tables.map(\.id)
        let tableIDs = known.filter { row.tables[$0] != nil } + row.tables.keys.filter { !known.contains($0) }.sorted()
        for tableID in tableIDs {
          let formColumns = form.table(tableID)?.columns.map(\.id) ?? []
          for (index, entry) in (row.tables[tableID] ?? []).enumerated() {
            func address(_ column: String) -> CellAddress {
              CellAddress(study: study.id, row: row.id, table: tableID, entry: index + 1, column: column)
            }
            if let label = entry.label { result.append((address("@label"), textCell(label))) }
            if let reference = entry.reference { result.append((address("@reference"), textCell(reference))) }
            if let order = entry.order { result.append((address("@order"), Cell(value: .number(order)))) }
            if let note = entry.note { result.append((address("@note"), textCell(note))) }
            let columns =
              formColumns.filter { entry.cells[$0] != nil }
              + entry.cells.keys.filter { !formColumns.contains($0) }.sorted()
            for column in columns {
              if let cell = entry.cells[column], !cell.isEmpty { result.append((address(column), cell)) }
            }
          }
        }
      }
    }
    return result
  }

  /// Sets a cell (nil clears it), including the study-, row- and entry-level fields described above.
  public mutating func set(_ cell: Cell?, at address: CellAddress) {
    let text = cell.flatMap { $0.text ?? $0.value.map(ValueCodec.write) }
    if address.table == Self.studyTable {
      let index = ensureStudy(address.study)
      switch address.column {
      case "label": studies[index].label = text
      case "note": studies[index].note = text
      case "record":
        var records = studies[index].records
        let position = max(0, address.entry - 1)
        if let text {
          if position < records.count { records[position] = text } else { records.append(text) }
        } else if position < records.count {
          records.remove(at: position)
        }
        studies[index].records = records
      default: break
      }
      return
    }
    if address.table == Self.rowTable {
      let (studyIndex, rowIndex) = ensureRow(address.study, address.row)
      if address.column == "note" { studies[studyIndex].rows[rowIndex].note = text }
      return
    }
    if address.column.hasPrefix("@") {
      let (studyIndex, rowIndex) = ensureRow(address.study, address.row)
      var entries = studies[studyIndex].rows[rowIndex].tables[address.table] ?? []
      while entries.count < address.entry { entries.append(Entry()) }
      let position = address.entry - 1
      switch address.column {
      case "@label": entries[position].label = text
      case "@reference": entries[position].reference = text
      case "@note": entries[position].note = text
      case "@order":
        if case .number(let number)? = cell?.value {
          entries[position].order = number
        } else {
          entries[position].order = text.flatMap(NumberValue.parse)
        }
      default: break
      }
      studies[studyIndex].rows[rowIndex].tables[address.table] = entries
      return
    }
    setCell(cell, at: address)
  }

  /// The cell at an address, including study-, row- and entry-level fields.
  public func lookup(_ address: CellAddress) -> Cell? {
    guard let study = study(address.study) else { return nil }
    if address.table == Self.studyTable {
      switch address.column {
      case "label": return study.label.map(textCell)
      case "note": return study.note.map(textCell)
      case "record":
        let position = address.entry - 1
        return position >= 0 && position < study.records.count ? textCell(study.records[position]) : nil
      default: return nil
      }
    }
    guard let row = study.rows.first(where: { $0.id == address.row }) else { return nil }
    if address.table == Self.rowTable { return address.column == "note" ? row.note.map(textCell) : nil }
    if address.column.hasPrefix("@") {
      guard let entries = row.tables[address.table], address.entry >= 1, address.entry <= entries.count else {
        return nil
      }
      let entry = entries[address.entry - 1]
      switch address.column {
      case "@label": return entry.label.map(textCell)
      case "@reference": return entry.reference.map(textCell)
      case "@note": return entry.note.map(textCell)
      case "@order": return entry.order.map { Cell(value: .number($0)) }
      default: return nil
      }
    }
    return cell(at: address)
  }

  private mutating func ensureStudy(_ id: String) -> Int {
    if let index = studies.firstIndex(where: { $0.id == id }) { return index }
    studies.append(Study(id: id))
    return studies.count - 1
  }

  private mutating func ensureRow(_ study: String, _ row: String) -> (Int, Int) {
    let studyIndex = ensureStudy(study)
    if let rowIndex = studies[studyIndex].rows.firstIndex(where: { $0.id == row }) { return (studyIndex, rowIndex) }
    studies[studyIndex].rows.append(Row(id: row))
    return (studyIndex, studies[studyIndex].rows.count - 1)
  }
}

private func textCell(_ text: String) -> Cell { Cell(value: .text(text)) }
