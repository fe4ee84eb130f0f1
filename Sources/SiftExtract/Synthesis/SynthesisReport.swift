/// What `sift synthesis` computes from the consensus: weighted means, category counts, correlation strengths.
public struct SynthesisReport: Sendable, Hashable {
  /// A weighted mean/SD of one group (e.g. the age column, or one measure's scores).
  public struct MeanGroup: Sendable, Hashable {
    public var title: String
    public var table: String
    public var column: String
    public var filters: [String: [String]]
    public var summary: WeightedSummary
  }

  /// Counts per category of one column.
  public struct CategoryCount: Sendable, Hashable {
    public var table: String
    public var column: String
    public var label: String
    /// (category, count, units named) in form order, then other values, then n.a., then not extracted.
    public var counts: [(value: String, count: Int, units: [String])]
    public var total: Int

    public static func == (lhs: CategoryCount, rhs: CategoryCount) -> Bool {
      lhs.table == rhs.table && lhs.column == rhs.column && lhs.total == rhs.total
        && lhs.counts.map { "\($0.value)=\($0.count)" } == rhs.counts.map { "\($0.value)=\($0.count)" }
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(table)
      hasher.combine(column)
    }
  }

  /// A reported correlation and its strength class.
  public struct Correlation: Sendable, Hashable {
    public var name: String
    public var study: String
    public var r: Double
    public var rWritten: String
    public var strength: CorrelationScale.Strength
    /// The paper's own label, when extracted.
    public var reportedStrength: String?
    public var significant: String?
  }

  /// Significant versus reported relationships.
  public struct Significance: Sendable, Hashable {
    public var kind: String
    public var reported: Int
    public var significant: Int
    public var notSignificant: Int
    public var unknown: Int
  }

  public var countBy: ExtractionQuery.CountBy
  public var scale: CorrelationScale
  public var means: [MeanGroup]
  public var categories: [CategoryCount]
  public var correlations: [Correlation]
  public var correlationTable: String?
  /// Per analysis kind, then a total line with kind `all`.
  public var significance: [Significance]
}

/// Builds the synthesis report from a form and the consensus.
public struct SynthesisBuilder: Sendable {
  public var form: ExtractionForm
  public var scale: CorrelationScale
  public var countBy: ExtractionQuery.CountBy

  /// Columns that split a table's scores into groups, when the table has them.
  public static let groupColumns = ["measure", "rater", "subscale"]

  public init(form: ExtractionForm, scale: CorrelationScale = CorrelationScale(), countBy: ExtractionQuery.CountBy) {
    self.form = form
    self.scale = scale
    self.countBy = countBy
  }

  public func build(_ extraction: Extraction) -> SynthesisReport {
    let query = ExtractionQuery(form: form, extraction: extraction)
    return SynthesisReport(
      countBy: countBy, scale: scale, means: means(query), categories: categories(query),
      correlations: correlations(query).list, correlationTable: correlations(query).table,
      significance: significance(query))
  }

  /// Weighted means: every mean-sd column; and every table with number columns `mean` and `sd`, grouped by
  /// the values of its `measure`, `rater` and `subscale` columns.
  func means(_ query: ExtractionQuery) -> [SynthesisReport.MeanGroup] {
    var groups: [SynthesisReport.MeanGroup] = []
    for table in form.tables {
      for column in table.columns where column.type == .meanSD {
        let units = query.units(table: table.id)
        let summary = WeightedSummary.collect(units, column: column.id, sdColumn: nil, query: query)
        groups.append(
          SynthesisReport.MeanGroup(
            title: column.header, table: table.id, column: column.id, filters: [:], summary: summary))
      }
      guard let mean = table.column("mean"), mean.type == .number, let sd = table.column("sd"), sd.type == .number
      else { continue }
      let groupColumns = Self.groupColumns.filter { table.column($0) != nil }
      var keys: [[String]] = []
      for unit in query.units(table: table.id) {
        let key = groupColumns.map { unit.entry.value($0).map(ValueCodec.write) ?? "" }
        if !keys.contains(key) { keys.append(key) }
      }
      keys.sort { left, right in
        for index in groupColumns.indices where left[index] != right[index] {
          let column = groupColumns[index]
          return sortKey(left[index], table: table, column: column)
            < sortKey(right[index], table: table, column: column)
        }
        return false
      }
      for key in keys {
        var filters: [String: [String]] = [:]
        var titleParts: [String] = []
        for (column, value) in zip(groupColumns, key) {
          if value.isEmpty { continue }
          filters[column] = [value]
          titleParts.append(value)
        }
        let units = query.units(table: table.id).filter { unit in
          groupColumns.enumerated().allSatisfy { index, column in
            (unit.entry.value(column).map(ValueCodec.write) ?? "") == key[index]
          }
        }
        let summary = WeightedSummary.collect(units, column: mean.id, sdColumn: sd.id, query: query)
        groups.append(
          SynthesisReport.MeanGroup(
            title: titleParts.joined(separator: ", "), table: table.id, column: mean.id, filters: filters,
            summary: summary))
      }
    }
    return groups
  }

  private func sortKey(_ value: String, table: FormTable, column: String) -> String {
    let values = table.column(column)?.values ?? []
    if let index = values.firstIndex(of: value) { return format3(index) + value }
    return "999" + value
  }

  private func format3(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, 3 - text.count)) + text
  }

  /// Counts by category for every category and multi-category column of the printed tables.
  func categories(_ query: ExtractionQuery) -> [SynthesisReport.CategoryCount] {
    var result: [SynthesisReport.CategoryCount] = []
    for table in form.tables where table.number != nil {
      let units = query.units(table: table.id)
      for column in table.columns where column.type == .category || column.type == .multiCategory {
        var buckets: [String: [ExtractionQuery.Unit]] = [:]
        for unit in units {
          let value = unit.entry.value(column.id)
          let names: [String]
          switch value {
          case nil: names = ["(not extracted)"]
          case .notAvailable?: names = [CellValue.notAvailableText]
          case let value?: names = value.categories.isEmpty ? ["(not extracted)"] : value.categories
          }
          for name in names { buckets[name, default: []].append(unit) }
        }
        let known = column.values ?? []
        let others = buckets.keys.filter {
          !known.contains($0) && $0 != CellValue.notAvailableText && $0 != "(not extracted)"
        }.sorted()
        let orderedNames =
          known.filter { buckets[$0] != nil } + others
          + [CellValue.notAvailableText, "(not extracted)"].filter { buckets[$0] != nil }
        let counts = orderedNames.map { name in
          let bucket = buckets[name] ?? []
          let unitNames = countBy == .studies ? uniqueStudies(bucket) : bucket.map(\.name)
          return (value: name, count: ExtractionQuery.count(bucket, by: countBy), units: unitNames)
        }
        result.append(
          SynthesisReport.CategoryCount(
            table: table.id, column: column.id, label: column.header, counts: counts,
            total: ExtractionQuery.count(units, by: countBy)))
      }
    }
    return result
  }

  private func uniqueStudies(_ units: [ExtractionQuery.Unit]) -> [String] {
    var seen = Set<String>()
    return units.compactMap { seen.insert($0.study.id).inserted ? $0.study.id : nil }
  }

  /// Correlations: every entry with a number in column `r`.
  func correlations(_ query: ExtractionQuery) -> (list: [SynthesisReport.Correlation], table: String?) {
    guard let table = form.tables.first(where: { $0.column("r")?.type == .number }) else { return ([], nil) }
    var list: [SynthesisReport.Correlation] = []
    for unit in query.units(table: table.id) {
      guard case .number(let r)? = unit.entry.value("r") else { continue }
      list.append(
        SynthesisReport.Correlation(
          name: unit.name, study: unit.study.id, r: r.value, rWritten: r.written, strength: scale.strength(r.value),
          reportedStrength: unit.entry.value("strength")?.categories.first,
          significant: unit.entry.value("significant").map(ValueCodec.write)))
    }
    return (list, table.id)
  }

  /// Significant versus reported relationships, per `kind` and in all (counted by `countBy`).
  func significance(_ query: ExtractionQuery) -> [SynthesisReport.Significance] {
    guard let table = form.tables.first(where: { $0.column("significant") != nil }) else { return [] }
    let units = query.units(table: table.id)
    var kinds: [String] = []
    for unit in units {
      let kind = unit.entry.value("kind").map(ValueCodec.write) ?? "(kind not extracted)"
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    let known = table.column("kind")?.values ?? []
    kinds.sort { (known.firstIndex(of: $0) ?? Int.max, $0) < (known.firstIndex(of: $1) ?? Int.max, $1) }
    func line(_ kind: String, _ selected: [ExtractionQuery.Unit]) -> SynthesisReport.Significance {
      func count(_ flag: String?) -> Int {
        ExtractionQuery.count(
          selected.filter { unit in
            let value = unit.entry.value("significant").map(ValueCodec.write)
            return flag == nil ? (value != "yes" && value != "no") : value == flag
          }, by: countBy)
      }
      return SynthesisReport.Significance(
        kind: kind, reported: ExtractionQuery.count(selected, by: countBy), significant: count("yes"),
        notSignificant: count("no"), unknown: count(nil))
    }
    var result = kinds.map { kind in
      line(kind, units.filter { (($0.entry.value("kind").map(ValueCodec.write)) ?? "(kind not extracted)") == kind })
    }
    result.append(line("all", units))
    return result
  }
}
