/// Computes a statistic from the consensus. Reported values are never an input.
public struct StatisticEvaluator: Sendable {
  /// A computed figure, the rows it used and why it could not be computed.
  public struct Outcome: Sendable, Hashable {
    public var value: Double?
    /// Units used, e.g. `1a (n=88)`.
    public var used: [String]
    /// Units left out and why.
    public var skipped: [String]
    /// Why there is no value.
    public var problem: String?
    /// For an SD: the other SD formula and its value, e.g. `pooled SD √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1))`.
    public var alternative: (label: String, value: Double)?

    public static func == (lhs: Outcome, rhs: Outcome) -> Bool {
      lhs.value == rhs.value && lhs.used == rhs.used && lhs.skipped == rhs.skipped && lhs.problem == rhs.problem
        && lhs.alternative?.label == rhs.alternative?.label && lhs.alternative?.value == rhs.alternative?.value
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(value)
      hasher.combine(used)
      hasher.combine(problem)
    }

    init(
      value: Double?, used: [String], skipped: [String], problem: String?,
      alternative: (label: String, value: Double)? = nil
    ) {
      self.value = value
      self.used = used
      self.skipped = skipped
      self.problem = problem
      self.alternative = alternative
    }
  }

  public var form: ExtractionForm
  public var extraction: Extraction
  public var scale: CorrelationScale

  public init(form: ExtractionForm, extraction: Extraction, scale: CorrelationScale = CorrelationScale()) {
    self.form = form
    self.extraction = extraction
    self.scale = scale
  }

  public func evaluate(_ spec: StatisticSpec) -> Outcome {
    let query = ExtractionQuery(form: form, extraction: extraction)
    guard let tableID = spec.table else { return failure("no `table` given") }
    guard let table = form.table(tableID) else {
      return failure(
        "form \(form.id) has no table \(tableID) (it has: \(form.tables.map(\.id).joined(separator: ", ")))")
    }
    let filters = spec.whereValues
    for column in filters.keys where table.column(column) == nil {
      return failure("table \(tableID) has no column \(column) (in `where`)")
    }
    var units = query.units(table: tableID, where: filters)
    let countBy = spec.countBy ?? .entries
    switch spec.kind {
    case .count:
      if let column = spec.column {
        guard table.column(column) != nil else { return failure("table \(tableID) has no column \(column)") }
        units = units.filter { Self.hasValue($0.entry.value(column)) }
      }
      return Outcome(
        value: Double(ExtractionQuery.count(units, by: countBy)), used: names(units, countBy), skipped: [],
        problem: nil)
    case .countCategory:
      guard let column = spec.column, table.column(column) != nil else {
        return failure("give a `column` of \(tableID)")
      }
      guard let value = spec.value else { return failure("give the category counted in `value`") }
      units = units.filter { ExtractionQuery.matches($0.entry.value(column), [value]) }
      return Outcome(
        value: Double(ExtractionQuery.count(units, by: countBy)), used: names(units, countBy), skipped: [],
        problem: nil)
    case .correlationStrength:
      let column = spec.column ?? "r"
      guard table.column(column) != nil else { return failure("table \(tableID) has no column \(column)") }
      guard let strength = spec.strength else { return failure("give `strength`: weak, small, moderate or strong") }
      units = units.filter { unit in
        guard let r = unit.entry.value(column)?.number else { return false }
        return scale.strength(r) == strength
      }
      return Outcome(
        value: Double(ExtractionQuery.count(units, by: countBy)), used: names(units, countBy), skipped: [],
        problem: nil)
    case .weightedMean, .weightedSD, .pooledSD:
      guard let column = spec.column, let formColumn = table.column(column) else {
        return failure("give a `column` of \(tableID)")
      }
      var sdColumn = spec.sdColumn
      var valueColumn = column
      if spec.kind != .weightedMean && formColumn.type != .meanSD {
        // weighted-sd of a number column: the column holds the SDs unless sd_column names them.
        if sdColumn == nil {
          sdColumn = column
        }
        valueColumn = column
      }
      let summary = WeightedSummary.collect(units, column: valueColumn, sdColumn: sdColumn, query: query)
      let used: [String]
      let value: Double?
      switch spec.kind {
      case .weightedMean:
        used = summary.items.filter { $0.value != nil }.map {
          "\($0.name) (n=\(NumberFormat.plain($0.n)), \($0.valueText))"
        }
        value = summary.weightedMean
      default:
        let withSD = summary.items.filter { $0.sd != nil }
        used = withSD.map { "\($0.name) (n=\(NumberFormat.plain($0.n)), sd \($0.sdText))" }
        value = spec.kind == .weightedSD ? summary.weightedSD : summary.pooledSD
      }
      var alternative: (label: String, value: Double)?
      if spec.kind == .weightedSD, let pooled = summary.pooledSD {
        alternative = ("pooled SD √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1))", pooled)
      } else if spec.kind == .pooledSD, let weighted = summary.weightedSD {
        alternative = ("weighted SD Σnᵢsᵢ/Σnᵢ", weighted)
      }
      var skipped = summary.skipped.map { "\($0.name) (\($0.reason))" }
      if spec.kind == .weightedMean {
        skipped += summary.items.filter { $0.value == nil }.map { "\($0.name) (mean \($0.valueText))" }
      } else {
        skipped += summary.items.filter { $0.sd == nil }.map { "\($0.name) (SD \($0.sdText))" }
      }
      return Outcome(
        value: value, used: used, skipped: skipped,
        problem: value == nil ? "no row with a value and n" : nil, alternative: alternative)
    case .mean, .min, .max, .sum:
      guard let column = spec.column, table.column(column) != nil else {
        return failure("give a `column` of \(tableID)")
      }
      var values: [Double] = []
      var used: [String] = []
      var skipped: [String] = []
      for unit in units {
        if let number = unit.entry.value(column)?.number {
          values.append(number)
          used.append("\(unit.name) (\(NumberFormat.plain(number)))")
        } else {
          skipped.append("\(unit.name) (\(unit.entry.value(column).map(ValueCodec.write) ?? "empty"))")
        }
      }
      guard !values.isEmpty else {
        return Outcome(value: nil, used: [], skipped: skipped, problem: "no row with a number in \(column)")
      }
      let value: Double
      switch spec.kind {
      case .min: value = values.min() ?? 0
      case .max: value = values.max() ?? 0
      case .sum: value = values.reduce(0, +)
      default: value = values.reduce(0, +) / Double(values.count)
      }
      return Outcome(value: value, used: used, skipped: skipped, problem: nil)
    }
  }

  /// Whether a value is reported: not empty, not n.a., and for a mean (SD) a mean that is a number.
  public static func hasValue(_ value: CellValue?) -> Bool {
    switch value {
    case nil, .notAvailable?: return false
    case .meanSD(let mean, _)?: return mean?.number != nil
    default: return true
    }
  }

  private func names(_ units: [ExtractionQuery.Unit], _ countBy: ExtractionQuery.CountBy) -> [String] {
    var seen = Set<String>()
    return units.compactMap { unit in
      let name: String
      switch countBy {
      case .studies: name = "study \(unit.study.id)"
      case .interventions: name = unit.row.id
      case .entries: name = unit.name
      }
      return seen.insert(name).inserted ? name : nil
    }
  }

  private func failure(_ problem: String) -> Outcome {
    Outcome(value: nil, used: [], skipped: [], problem: problem)
  }
}
