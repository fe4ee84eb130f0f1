/// An extraction form: the tables and typed columns reviewers fill for each study row.
/// Read from `schemas/forms/<id>.yaml` (format: docs/extraction.md).
public struct ExtractionForm: Sendable, Hashable, Codable {
  public var id: String
  public var title: String?
  public var version: Int?
  /// The column whose value is the n of a row in weighted statistics.
  public var weight: WeightColumn?
  /// Header of the printed reference column (default `References`).
  public var referenceLabel: String?
  /// Footnote printed under every printed table.
  public var footnoteNotAvailable: String?
  public var tables: [FormTable]

  enum CodingKeys: String, CodingKey {
    case id, title, version, weight, tables
    case referenceLabel = "reference_label"
    case footnoteNotAvailable = "footnote_not_available"
  }

  public init(
    id: String, title: String? = nil, version: Int? = nil, weight: WeightColumn? = nil,
    referenceLabel: String? = nil, footnoteNotAvailable: String? = nil, tables: [FormTable]
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.weight = weight
    self.referenceLabel = referenceLabel
    self.footnoteNotAvailable = footnoteNotAvailable
    self.tables = tables
  }

  /// Entry keys that are never column ids.
  public static let reservedKeys: Set<String> = ["label", "reference", "order", "note"]

  /// The table with this id.
  public func table(_ id: String) -> FormTable? { tables.first { $0.id == id } }

  /// The tables that hold a column with this id.
  public func tables(withColumn column: String) -> [FormTable] {
    tables.filter { $0.column(column) != nil }
  }

  /// Problems that make the form unusable (duplicate or reserved ids, unknown references); empty when valid.
  public func problems() -> [String] {
    var problems: [String] = []
    var tableIDs = Set<String>()
    for table in tables {
      if !tableIDs.insert(table.id).inserted { problems.append("table \(table.id) is defined twice") }
      if table.id.hasPrefix("_") { problems.append("table id \(table.id) must not start with _") }
      var columnIDs = Set<String>()
      for column in table.columns {
        if !columnIDs.insert(column.id).inserted {
          problems.append("table \(table.id): column \(column.id) is defined twice")
        }
        if Self.reservedKeys.contains(column.id) {
          problems.append("table \(table.id): column id \(column.id) is reserved (label, reference, order, note)")
        }
        if column.type.isCategorical && (column.values ?? []).isEmpty && column.open != true {
          problems.append("table \(table.id): column \(column.id) is a \(column.type.rawValue) without values")
        }
        for other in column.printWith ?? [] where table.column(other) == nil {
          problems.append("table \(table.id): column \(column.id) prints with unknown column \(other)")
        }
      }
    }
    if let weight {
      if let table = table(weight.table) {
        if table.column(weight.column) == nil {
          problems.append("weight: table \(weight.table) has no column \(weight.column)")
        }
      } else {
        problems.append("weight: no table \(weight.table)")
      }
    }
    return problems
  }
}

/// Which column gives a row's n.
public struct WeightColumn: Sendable, Hashable, Codable {
  public var table: String
  public var column: String
  public init(table: String, column: String) {
    self.table = table
    self.column = column
  }
}

/// One table of the form.
public struct FormTable: Sendable, Hashable, Codable {
  /// One entry per row (`one`) or a list (`many`).
  public enum Entries: String, Sendable, Hashable, Codable {
    case one, many
  }
  /// Printed row order: as in the file, or by the natural order of entry labels.
  public enum Order: String, Sendable, Hashable, Codable {
    case file, label
  }

  public var id: String
  /// Printed table number; a table without number is structured data, not printed.
  public var number: Int?
  public var caption: String?
  public var entries: Entries?
  public var referenceLabel: String?
  public var order: Order?
  public var footnotes: [String]?
  public var columns: [FormColumn]

  enum CodingKeys: String, CodingKey {
    case id, number, caption, entries, order, footnotes, columns
    case referenceLabel = "reference_label"
  }

  public init(
    id: String, number: Int? = nil, caption: String? = nil, entries: Entries? = nil, referenceLabel: String? = nil,
    order: Order? = nil, footnotes: [String]? = nil, columns: [FormColumn]
  ) {
    self.id = id
    self.number = number
    self.caption = caption
    self.entries = entries
    self.referenceLabel = referenceLabel
    self.order = order
    self.footnotes = footnotes
    self.columns = columns
  }

  /// Whether a row holds a list of entries in this table.
  public var isMany: Bool { entries == .many }

  public func column(_ id: String) -> FormColumn? { columns.first { $0.id == id } }

  /// Columns printed as columns of their own (not `printed: false`).
  public var printedColumns: [FormColumn] { columns.filter { $0.printed ?? true } }
}

/// One typed column.
public struct FormColumn: Sendable, Hashable, Codable {
  public var id: String
  public var label: String?
  public var type: ColumnType
  public var unit: String?
  public var required: Bool?
  public var help: String?
  /// Allowed values of a category or multi-category column.
  public var values: [String]?
  /// Whether values outside `values` are accepted with a warning.
  public var open: Bool?
  public var printed: Bool?
  /// Columns whose values follow this one's in the printed cell, joined by ", ".
  public var printWith: [String]?

  enum CodingKeys: String, CodingKey {
    case id, label, type, unit, required, help, values, open, printed
    case printWith = "print_with"
  }

  public init(
    id: String, label: String? = nil, type: ColumnType, unit: String? = nil, required: Bool? = nil,
    help: String? = nil, values: [String]? = nil, open: Bool? = nil, printed: Bool? = nil, printWith: [String]? = nil
  ) {
    self.id = id
    self.label = label
    self.type = type
    self.unit = unit
    self.required = required
    self.help = help
    self.values = values
    self.open = open
    self.printed = printed
    self.printWith = printWith
  }

  /// The printed header: `label`, else the id.
  public var header: String { label ?? id }
}

/// The type of a column's values.
public enum ColumnType: String, Sendable, Hashable, Codable, CaseIterable {
  case text, number, integer, percentage
  case meanSD = "mean-sd"
  case category
  case multiCategory = "multi-category"

  var isCategorical: Bool { self == .category || self == .multiCategory }
}
