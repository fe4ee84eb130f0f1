/// Writes an extraction as YAML in the canonical layout of docs/extraction.md (deterministic).
public struct YAMLExtractionWriter: Sendable {
  public var form: ExtractionForm
  /// Write every form column, empty ones as `column:` (for templates).
  public var includeEmptyColumns: Bool

  public init(form: ExtractionForm, includeEmptyColumns: Bool = false) {
    self.form = form
    self.includeEmptyColumns = includeEmptyColumns
  }

  /// The YAML text, ending with a newline.
  public func write(_ extraction: Extraction, header: [String] = []) -> String {
    var lines: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
    lines.append("form: \(YAMLText.scalar(extraction.form ?? form.id))")
    if let reviewer = extraction.reviewer { lines.append("reviewer: \(YAMLText.scalar(reviewer))") }
    if extraction.studies.isEmpty {
      lines.append("studies: []")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append("studies:")
    for study in extraction.studies {
      lines.append("  - study: \(YAMLText.quoted(study.id))")
      if let label = study.label { lines.append("    label: \(YAMLText.string(label))") }
      if study.records.count == 1 {
        lines.append("    record: \(YAMLText.scalar(study.records[0]))")
      } else if study.records.count > 1 {
        lines.append("    record: [\(study.records.map(YAMLText.scalar).joined(separator: ", "))]")
      }
      if let note = study.note { lines.append("    note: \(YAMLText.scalar(note))") }
      if study.rows.isEmpty {
        lines.append("    rows: []")
        continue
      }
      lines.append("    rows:")
      for row in study.rows {
        lines.append("      - row: \(YAMLText.string(row.id))")
        if let note = row.note { lines.append("        note: \(YAMLText.scalar(note))") }
        for table in form.tables {
          let entries = row.tables[table.id] ?? []
          if entries.isEmpty && !includeEmptyColumns { continue }
          if table.isMany {
            if entries.isEmpty {
              // A template shows the columns in one placeholder entry; empty placeholders are ignored on import.
              lines.append("        \(table.id):")
              let body = entryLines(Entry(), table: table)
              guard let first = body.first else {
                lines[lines.count - 1] += " []"
                continue
              }
              lines.append("          - " + first)
              lines += body.dropFirst().map { "            " + $0 }
              continue
            }
            lines.append("        \(table.id):")
            for entry in entries {
              let body = entryLines(entry, table: table)
              if body.isEmpty {
                lines.append("          - {}")
                continue
              }
              lines.append("          - " + body[0])
              lines += body.dropFirst().map { "            " + $0 }
            }
          } else {
            let body = entryLines(entries.first ?? Entry(), table: table)
            if body.isEmpty {
              lines.append("        \(table.id): {}")
              continue
            }
            lines.append("        \(table.id):")
            lines += body.map { "          " + $0 }
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func entryLines(_ entry: Entry, table: FormTable) -> [String] {
    var lines: [String] = []
    if let label = entry.label { lines.append("label: \(YAMLText.string(label))") }
    if let reference = entry.reference { lines.append("reference: \(YAMLText.string(reference))") }
    if let order = entry.order { lines.append("order: \(order.written)") }
    if let note = entry.note { lines.append("note: \(YAMLText.scalar(note))") }
    for column in table.columns {
      if let cell = entry.cells[column.id], !cell.isEmpty {
        lines.append("\(column.id): \(Self.cellText(cell, column: column))")
      } else if includeEmptyColumns {
        lines.append("\(column.id):")
      }
    }
    return lines
  }

  /// A cell as a YAML value: a scalar when it holds only a value, else a flow mapping.
  public static func cellText(_ cell: Cell, column: FormColumn) -> String {
    let valueText = cell.value.map { valueYAML($0) }
    if cell.text == nil && cell.note == nil, let valueText { return valueText }
    var parts: [String] = []
    if let value = cell.value {
      if case .meanSD(let mean, let sd) = value {
        if let mean { parts.append("mean: \(amountYAML(mean))") }
        if let sd { parts.append("sd: \(amountYAML(sd))") }
      } else {
        parts.append("value: \(valueYAML(value))")
      }
    }
    if let text = cell.text { parts.append("text: \(YAMLText.quoted(text))") }
    if let note = cell.note { parts.append("note: \(YAMLText.quoted(note))") }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func valueYAML(_ value: CellValue) -> String {
    switch value {
    case .categories(let values): return "[" + values.map(YAMLText.scalar).joined(separator: ", ") + "]"
    case .meanSD(let mean, let sd):
      var parts: [String] = []
      if let mean { parts.append("mean: \(amountYAML(mean))") }
      if let sd { parts.append("sd: \(amountYAML(sd))") }
      return "{" + parts.joined(separator: ", ") + "}"
    case .number(let number): return YAMLText.scalar(number.written)
    case .text(let text): return YAMLText.string(text)
    default: return YAMLText.scalar(ValueCodec.write(value))
    }
  }

  static func amountYAML(_ amount: Amount) -> String { YAMLText.scalar(amount.printed) }
}
