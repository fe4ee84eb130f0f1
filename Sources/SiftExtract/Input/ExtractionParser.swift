import SiftCore

/// Reads an extraction document (a YAML tree) against a form. Invalid cells are left out of the result and
/// reported; the caller decides whether a file with errors may be stored (`--partial`).
public struct ExtractionParser: Sendable {
  public var form: ExtractionForm
  /// File name used in messages.
  public var file: String?

  public init(form: ExtractionForm, file: String? = nil) {
    self.form = form
    self.file = file
  }

  /// The extraction with every valid cell, and every problem found.
  public func parse(_ root: ExtractionNode) -> (extraction: Extraction, issues: [ExtractionIssue]) {
    var issues: [ExtractionIssue] = []
    var extraction = Extraction()
    guard let pairs = root.pairs else {
      issues.append(issue(.error, "the file must be a mapping with `studies:` (see docs/extraction.md)", root.line))
      return (extraction, issues)
    }
    for pair in pairs {
      switch pair.key {
      case "form":
        extraction.form = pair.value.scalarText
        if let id = extraction.form, id != form.id {
          issues.append(issue(.warning, "file is for form \(id), checked against form \(form.id)", pair.value.line))
        }
      case "reviewer": extraction.reviewer = pair.value.scalarText
      case "studies":
        if pair.value.isNull { continue }
        guard let items = pair.value.items else {
          issues.append(issue(.error, "`studies` must be a list", pair.value.line))
          continue
        }
        var seenStudies = Set<String>()
        var seenRows: [String: String] = [:]
        for item in items {
          if let study = parseStudy(item, issues: &issues, seenRows: &seenRows) {
            if !seenStudies.insert(study.id).inserted {
              issues.append(issue(.error, "study \(study.id) appears twice; merge its rows into one entry", item.line))
              continue
            }
            extraction.studies.append(study)
          }
        }
      default:
        issues.append(issue(.error, "unknown key `\(pair.key)` (expected form, reviewer, studies)", pair.value.line))
      }
    }
    return (extraction, issues)
  }

  private func parseStudy(
    _ node: ExtractionNode, issues: inout [ExtractionIssue], seenRows: inout [String: String]
  ) -> Study? {
    guard let pairs = node.pairs else {
      issues.append(
        issue(.error, "a study must be a mapping with `study:` and `rows:`, found \(node.kindName)", node.line))
      return nil
    }
    guard let id = node["study"]?.scalarText?.trimmed, !id.isEmpty else {
      issues.append(issue(.error, "a study has no `study:` id", node.line))
      return nil
    }
    var study = Study(id: id)
    for pair in pairs {
      let line = pair.value.line ?? node.line
      switch pair.key {
      case "study": continue
      case "label": study.label = pair.value.scalarText
      case "note": study.note = pair.value.scalarText
      case "record":
        let values = pair.value.items?.compactMap(\.scalarText) ?? pair.value.scalarText.map { [$0] } ?? []
        for value in values {
          if RecordLink.isValid(value) {
            study.records.append(value.trimmed)
          } else {
            issues.append(
              issue(
                .error, "record \"\(value)\" must be doi:<DOI>, id:<record id>, pmid:<PMID> or R000012", line,
                study: id, column: "record"))
          }
        }
      case "rows":
        if pair.value.isNull { continue }
        guard let items = pair.value.items else {
          issues.append(issue(.error, "`rows` must be a list", line, study: id))
          continue
        }
        for item in items {
          guard let row = parseRow(item, study: id, issues: &issues) else { continue }
          if let other = seenRows[row.id] {
            let place = other == id ? "twice in this study" : "also in study \(other)"
            issues.append(
              issue(.error, "row \(row.id) appears \(place); row ids are unique in a file", item.line, study: id))
            continue
          }
          seenRows[row.id] = id
          study.rows.append(row)
        }
      default:
        issues.append(
          issue(.error, "unknown key `\(pair.key)` (expected study, label, record, note, rows)", line, study: id))
      }
    }
    return study
  }

  private func parseRow(_ node: ExtractionNode, study: String, issues: inout [ExtractionIssue]) -> Row? {
    guard let pairs = node.pairs else {
      issues.append(
        issue(.error, "a row must be a mapping with `row:`, found \(node.kindName)", node.line, study: study))
      return nil
    }
    guard let id = node["row"]?.scalarText?.trimmed, !id.isEmpty else {
      issues.append(issue(.error, "a row has no `row:` id", node.line, study: study))
      return nil
    }
    guard RowID.isValid(id) else {
      issues.append(issue(.error, "row id \"\(id)\" must match \(RowID.pattern)", node.line, study: study))
      return nil
    }
    var row = Row(id: id)
    for pair in pairs {
      let line = pair.value.line ?? node.line
      switch pair.key {
      case "row": continue
      case "note": row.note = pair.value.scalarText
      default:
        guard let table = form.table(pair.key) else {
          let known = form.tables.map(\.id).joined(separator: ", ")
          issues.append(
            issue(.error, "unknown table `\(pair.key)` (the form has: \(known), note)", line, study: study, row: id))
          continue
        }
        if pair.value.isNull { continue }
        var nodes: [ExtractionNode]
        if let items = pair.value.items {
          nodes = items
          if !table.isMany && items.count > 1 {
            issues.append(
              issue(
                .error, "table \(table.id) takes one entry per row (a mapping), found a list of \(items.count)", line,
                study: study, row: id, table: table.id))
            continue
          }
        } else {
          nodes = [pair.value]
        }
        var entries: [Entry] = []
        // An entry of a many-table with every key empty is a template placeholder, not an entry.
        if table.isMany { nodes = nodes.filter { !Self.isBlankEntry($0) } }
        for (index, entryNode) in nodes.enumerated() {
          let entryNumber = index + 1
          let context = Context(
            parser: self, study: study, row: id, table: table, entry: table.isMany ? entryNumber : nil)
          entries.append(context.parseEntry(entryNode, issues: &issues))
        }
        row.tables[table.id] = entries
      }
    }
    return row
  }

  /// Whether a node is a mapping whose values are all empty.
  static func isBlankEntry(_ node: ExtractionNode) -> Bool {
    guard let pairs = node.pairs else { return false }
    return pairs.allSatisfy { $0.value.isNull }
  }

  func issue(
    _ severity: Diagnostic.Severity, _ message: String, _ line: Int?, study: String? = nil, row: String? = nil,
    table: String? = nil, entry: Int? = nil, column: String? = nil
  ) -> ExtractionIssue {
    ExtractionIssue(
      severity, message, file: file, line: line, study: study, row: row, table: table, entry: entry, column: column)
  }

  /// Where an entry is, for parsing its cells.
  struct Context {
    var parser: ExtractionParser
    var study: String
    var row: String
    var table: FormTable
    var entry: Int?

    func issue(_ severity: Diagnostic.Severity, _ message: String, _ line: Int?, column: String? = nil)
      -> ExtractionIssue
    {
      parser.issue(severity, message, line, study: study, row: row, table: table.id, entry: entry, column: column)
    }

    func parseEntry(_ node: ExtractionNode, issues: inout [ExtractionIssue]) -> Entry {
      var entry = Entry()
      guard let pairs = node.pairs else {
        issues.append(issue(.error, "an entry must be a mapping of column: value, found \(node.kindName)", node.line))
        return entry
      }
      for pair in pairs {
        let line = pair.value.line ?? node.line
        switch pair.key {
        case "label": entry.label = pair.value.scalarText?.trimmed
        case "reference": entry.reference = pair.value.scalarText
        case "note": entry.note = pair.value.scalarText
        case "order":
          guard let text = pair.value.scalarText else { continue }
          if let number = NumberValue.parse(text) {
            entry.order = number
          } else {
            issues.append(issue(.error, "order \"\(text)\" is not a number", line, column: "order"))
          }
        default:
          guard let column = table.column(pair.key) else {
            let known = table.columns.map(\.id).joined(separator: ", ")
            issues.append(
              issue(
                .error,
                "unknown column `\(pair.key)` (table \(table.id) has: \(known); reserved: label, reference, "
                  + "order, note)", line, column: pair.key))
            continue
          }
          let (cell, messages) = CellReader.read(pair.value, for: column)
          for message in messages { issues.append(issue(message.severity, message.text, line, column: column.id)) }
          if let cell, !cell.isEmpty { entry.cells[column.id] = cell }
        }
      }
      for column in table.columns where column.required == true && entry.cells[column.id] == nil {
        issues.append(issue(.warning, "required column is empty (not yet extracted)", node.line, column: column.id))
      }
      return entry
    }
  }
}

/// Reads one cell from its YAML node.
public enum CellReader {
  /// A message about a cell.
  public struct Message: Sendable, Hashable {
    public var severity: Diagnostic.Severity
    public var text: String
  }

  /// The cell (nil when empty or invalid) and the messages about it.
  public static func read(_ node: ExtractionNode, for column: FormColumn) -> (Cell?, [Message]) {
    switch node.kind {
    case .null:
      return (nil, [])
    case .scalar(let text):
      if text.isEmpty && column.type != .text { return (nil, []) }
      return value(ValueCodec.parse(text, for: column), cell: Cell())
    case .sequence(let items):
      guard column.type == .multiCategory else {
        return (nil, [Message(severity: .error, text: "a list is only allowed for a multi-category column")])
      }
      let texts = items.compactMap(\.scalarText)
      return value(ValueCodec.categories(texts, for: column), cell: Cell())
    case .mapping(let pairs):
      var cell = Cell()
      var messages: [Message] = []
      var mean: Amount?
      var sd: Amount?
      var valueNode: ExtractionNode?
      for pair in pairs {
        switch pair.key {
        case "text": cell.text = pair.value.scalarText
        case "note": cell.note = pair.value.scalarText
        case "value": valueNode = pair.value
        case "mean", "sd":
          guard column.type == .meanSD else {
            messages.append(Message(severity: .error, text: "`\(pair.key)` is only allowed in a mean-sd column"))
            continue
          }
          guard let text = pair.value.scalarText else { continue }
          guard let amount = ValueCodec.amount(text) else {
            messages.append(Message(severity: .error, text: "\(pair.key) \"\(text)\" is not a number or n.a."))
            continue
          }
          if pair.key == "mean" { mean = amount } else { sd = amount }
        default:
          messages.append(
            Message(
              severity: .error, text: "unknown key `\(pair.key)` in a cell (expected value, text, note, mean, sd)"))
        }
      }
      if mean != nil || sd != nil {
        if valueNode != nil {
          messages.append(Message(severity: .error, text: "give either `value` or `mean`/`sd`, not both"))
        }
        cell.value = .meanSD(mean: mean, sd: sd)
      }
      if let valueNode {
        let (inner, innerMessages) = read(valueNode, for: column)
        messages += innerMessages
        if valueNode.pairs != nil {
          messages.append(Message(severity: .error, text: "`value` must be a value, not a mapping"))
        } else {
          cell.value = inner?.value
        }
      }
      if messages.contains(where: { $0.severity == .error }) { return (nil, messages) }
      return (cell, messages)
    }
  }

  private static func value(_ parsed: ValueCodec.Parsed, cell: Cell) -> (Cell?, [Message]) {
    var messages = parsed.warnings.map { Message(severity: .warning, text: $0) }
    if let error = parsed.error {
      messages.append(Message(severity: .error, text: error))
      return (nil, messages)
    }
    var cell = cell
    cell.value = parsed.value
    return (cell, messages)
  }
}

/// Row ids: `1a`, `2`, `10b`.
public enum RowID {
  public static let pattern = "^[0-9A-Za-z][0-9A-Za-z._-]*$"
  public static func isValid(_ id: String) -> Bool {
    guard let first = id.first, first.isASCII, first.isLetter || first.isNumber else { return false }
    return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
  }
}

/// Links from a study to project records: `doi:…`, `id:<the record's own id>`, `pmid:…` or a project id `R000012`
/// (as `sift decisions import` names records).
public enum RecordLink {
  public static func isValid(_ text: String) -> Bool {
    let trimmed = text.trimmed
    for prefix in ["doi:", "id:", "pmid:"] where trimmed.lowercased().hasPrefix(prefix) {
      return trimmed.count > prefix.count
    }
    if let first = trimmed.first, first == "R" || first == "r", trimmed.count > 1 {
      return trimmed.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
    return false
  }
}

extension String {
  var trimmed: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
