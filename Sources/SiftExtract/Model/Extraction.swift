/// One reviewer's extraction (or the consensus): studies, their rows, and per row the entries of each table.
public struct Extraction: Sendable, Hashable {
  /// Form id the file was made for.
  public var form: String?
  /// Reviewer initials, or `consensus`.
  public var reviewer: String?
  public var studies: [Study]

  public init(form: String? = nil, reviewer: String? = nil, studies: [Study] = []) {
    self.form = form
    self.reviewer = reviewer
    self.studies = studies
  }

  /// The study with this id.
  public func study(_ id: String) -> Study? { studies.first { $0.id == id } }

  /// Every row with its study, in file order.
  public var rows: [(study: Study, row: Row)] {
    studies.flatMap { study in study.rows.map { (study, $0) } }
  }

  /// The cell at an address, nil when empty.
  public func cell(at address: CellAddress) -> Cell? {
    guard let study = study(address.study), let row = study.rows.first(where: { $0.id == address.row }),
      let entries = row.tables[address.table], address.entry >= 1, address.entry <= entries.count
    else { return nil }
    return entries[address.entry - 1].cells[address.column]
  }

  /// Sets (or clears, with nil) the cell at an address, creating the study, row and entries it needs.
  public mutating func setCell(_ cell: Cell?, at address: CellAddress) {
    var studyIndex = studies.firstIndex { $0.id == address.study }
    if studyIndex == nil {
      studies.append(Study(id: address.study))
      studyIndex = studies.count - 1
    }
    guard let studyIndex else { return }
    var rowIndex = studies[studyIndex].rows.firstIndex { $0.id == address.row }
    if rowIndex == nil {
      studies[studyIndex].rows.append(Row(id: address.row))
      rowIndex = studies[studyIndex].rows.count - 1
    }
    guard let rowIndex else { return }
    var entries = studies[studyIndex].rows[rowIndex].tables[address.table] ?? []
    while entries.count < address.entry { entries.append(Entry()) }
    entries[address.entry - 1].cells[address.column] = cell
    studies[studyIndex].rows[rowIndex].tables[address.table] = entries
  }
}

/// A study: its printed reference, the project records it comes from, and its rows.
public struct Study: Sendable, Hashable {
  /// Study id, e.g. `1`.
  public var id: String
  /// Printed reference, e.g. `Andersson et al. (28)`.
  public var label: String?
  /// Project records: `doi:…` or `id:<accession>`.
  public var records: [String]
  public var note: String?
  public var rows: [Row]

  public init(id: String, label: String? = nil, records: [String] = [], note: String? = nil, rows: [Row] = []) {
    self.id = id
    self.label = label
    self.records = records
    self.note = note
    self.rows = rows
  }
}

/// A row of a study (one intervention or group), e.g. `1a`.
public struct Row: Sendable, Hashable {
  public var id: String
  public var note: String?
  /// Entries per table id; an `entries: one` table holds at most one entry.
  public var tables: [String: [Entry]]

  public init(id: String, note: String? = nil, tables: [String: [Entry]] = [:]) {
    self.id = id
    self.note = note
    self.tables = tables
  }

  /// The single entry of an `entries: one` table (or the first of a list).
  public func entry(_ table: String) -> Entry? { tables[table]?.first }
}

/// One entry of a table in a row: cells by column id and the printed row id and reference.
public struct Entry: Sendable, Hashable {
  /// Printed row id in this table (default: the row id).
  public var label: String?
  /// Printed reference (default: the study label).
  public var reference: String?
  /// Sort key of the printed table.
  public var order: NumberValue?
  public var note: String?
  public var cells: [String: Cell]

  public init(
    label: String? = nil, reference: String? = nil, order: NumberValue? = nil, note: String? = nil,
    cells: [String: Cell] = [:]
  ) {
    self.label = label
    self.reference = reference
    self.order = order
    self.note = note
    self.cells = cells
  }

  /// The typed value of a column; nil when empty or only printed text is known.
  public func value(_ column: String) -> CellValue? { cells[column]?.value }
}
