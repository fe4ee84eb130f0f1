/// An agreed value recorded in the consensus by `sift extract resolve`.
public struct ExtractionResolution: Sendable, Hashable {
  public var address: CellAddress
  public var cell: Cell
  /// Who decided.
  public var by: String
  /// The reviewers' cells at the time, as written (empty string: empty).
  public var previous: [String: String]

  public init(address: CellAddress, cell: Cell, by: String, previous: [String: String] = [:]) {
    self.address = address
    self.cell = cell
    self.by = by
    self.previous = previous
  }
}

/// A resolve request that cannot be applied.
public struct ExtractionResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Turns `STUDY ROW COLUMN --value V [--table T] [--entry N] [--text T]` into an addressed cell.
public enum ExtractionResolutionRequest {
  /// The address and cell for a resolve command, validated against the form.
  public static func cell(
    form: ExtractionForm, study: String, row: String, column: String, table: String?, entry: Int?, value: String,
    text: String?
  ) throws(ExtractionResolutionError) -> (CellAddress, Cell) {
    let tableID: String
    if let table {
      guard form.table(table) != nil || table == Extraction.studyTable || table == Extraction.rowTable else {
        throw ExtractionResolutionError(
          "unknown table \(table) (the form has: \(form.tables.map(\.id).joined(separator: ", ")))")
      }
      tableID = table
    } else {
      let candidates = form.tables(withColumn: column)
      guard !candidates.isEmpty else {
        throw ExtractionResolutionError(
          "no table of form \(form.id) has a column \(column); give --table for @label etc.")
      }
      guard candidates.count == 1 else {
        throw ExtractionResolutionError(
          "column \(column) is in tables \(candidates.map(\.id).joined(separator: ", ")); choose one with --table")
      }
      tableID = candidates[0].id
    }
    let entryNumber = entry ?? 1
    guard entryNumber >= 1 else { throw ExtractionResolutionError("--entry must be 1 or more") }
    if let formTable = form.table(tableID), !formTable.isMany, entryNumber != 1 {
      throw ExtractionResolutionError("table \(tableID) has one entry per row; drop --entry")
    }
    let address = CellAddress(study: study, row: row, table: tableID, entry: entryNumber, column: column)
    var cell = Cell(text: text)
    if let formColumn = form.table(tableID)?.column(column) {
      if !value.isEmpty {
        let parsed = ValueCodec.parse(value, for: formColumn)
        if let error = parsed.error { throw ExtractionResolutionError("\(address): \(error)") }
        cell.value = parsed.value
      }
    } else if column == "@order" {
      guard let number = NumberValue.parse(value) else { throw ExtractionResolutionError("@order must be a number") }
      cell.value = .number(number)
    } else if column.hasPrefix("@") || tableID.hasPrefix("_") {
      cell.value = .text(value)
    } else {
      throw ExtractionResolutionError("table \(tableID) has no column \(column)")
    }
    return (address, cell)
  }
}
