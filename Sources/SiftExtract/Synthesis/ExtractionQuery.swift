/// Selects entries of a table by column values and finds each entry's n; used by the synthesis and `verify`.
public struct ExtractionQuery: Sendable {
  /// An entry with its study and row.
  public struct Unit: Sendable, Hashable {
    public var study: Study
    public var row: Row
    /// 1-based entry number in the table.
    public var entryNumber: Int
    public var entry: Entry

    /// `1a` or `1a#2` (entry 2 of a many-table).
    public var name: String { entryNumber == 1 ? row.id : "\(row.id)#\(entryNumber)" }
  }

  /// How units are counted.
  public enum CountBy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Distinct studies.
    case studies
    /// Distinct rows (interventions).
    case interventions
    /// Every entry.
    case entries
  }

  public var form: ExtractionForm
  public var extraction: Extraction

  public init(form: ExtractionForm, extraction: Extraction) {
    self.form = form
    self.extraction = extraction
  }

  /// The column that flags entries left out of the synthesis (`synthesis: "no"`).
  public static let synthesisColumn = "synthesis"

  /// Entries of `table` whose cells match every filter (column → accepted values). Entries with
  /// `synthesis: "no"` are left out unless the filters name `synthesis`.
  public func units(table: String, where filters: [String: [String]] = [:]) -> [Unit] {
    var result: [Unit] = []
    let excludeFlagged = filters[Self.synthesisColumn] == nil
    for (study, row) in extraction.rows {
      for (index, entry) in (row.tables[table] ?? []).enumerated() {
        if excludeFlagged, case .category(let flag)? = entry.value(Self.synthesisColumn), flag == "no" { continue }
        let matches = filters.allSatisfy { column, accepted in
          Self.matches(entry.value(column), accepted)
        }
        if matches { result.append(Unit(study: study, row: row, entryNumber: index + 1, entry: entry)) }
      }
    }
    return result
  }

  /// Whether a value matches any of the accepted written values (categories case-insensitively, numbers by
  /// value, `n.a.` the not-available value).
  public static func matches(_ value: CellValue?, _ accepted: [String]) -> Bool {
    guard let value else { return false }
    return accepted.contains { candidate in
      let wanted = candidate.trimmed
      switch value {
      case .notAvailable: return wanted == CellValue.notAvailableText
      case .category, .categories:
        return value.categories.contains { $0.caseInsensitiveEquals(wanted) }
      case .number(let number):
        if let parsed = NumberValue.parse(wanted) { return parsed.value == number.value }
        return false
      case .text(let text): return text.trimmed.caseInsensitiveEquals(wanted)
      case .meanSD: return ValueCodec.write(value) == wanted
      }
    }
  }

  /// The n of a unit: its own `n` column when it has a number there, else the form's weight column of its row.
  public func n(of unit: Unit) -> Double? {
    if case .number(let own)? = unit.entry.value("n") { return own.value }
    guard let weight = form.weight, let entry = unit.row.entry(weight.table),
      case .number(let number)? = entry.value(weight.column)
    else { return nil }
    return number.value
  }

  /// How many distinct units, rows or studies.
  public static func count(_ units: [Unit], by countBy: CountBy) -> Int {
    switch countBy {
    case .entries: return units.count
    case .interventions: return Set(units.map { "\($0.study.id)\u{1F}\($0.row.id)" }).count
    case .studies: return Set(units.map(\.study.id)).count
    }
  }
}

extension String {
  func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
