/// Where a cell is: study, row, table, entry (1-based) and column.
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var study: String
  public var row: String
  public var table: String
  public var entry: Int
  public var column: String

  public init(study: String, row: String, table: String, entry: Int = 1, column: String) {
    self.study = study
    self.row = row
    self.table = table
    self.entry = entry
    self.column = column
  }

  /// `study 1, row 1a, table scores, entry 2, column mean` (entry shown when not 1).
  public var description: String {
    var text = "study \(study), row \(row), table \(table)"
    if entry != 1 { text += ", entry \(entry)" }
    return text + ", column \(column)"
  }

  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (NaturalOrder.key(lhs.study), NaturalOrder.key(lhs.row), lhs.table, lhs.entry, lhs.column)
      < (NaturalOrder.key(rhs.study), NaturalOrder.key(rhs.row), rhs.table, rhs.entry, rhs.column)
  }
}

/// Natural order of ids like `1a`, `2`, `10b`, `20a`: numbers by value, then the rest.
public enum NaturalOrder {
  /// A sortable key: the leading number padded, then the remainder.
  public static func key(_ id: String) -> String {
    let digits = id.prefix { $0.isASCII && $0.isNumber }
    let rest = id.dropFirst(digits.count)
    guard !digits.isEmpty else { return "~" + id }
    let padded = String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    return padded + rest
  }

  public static func less(_ lhs: String, _ rhs: String) -> Bool { key(lhs) < key(rhs) }
}
