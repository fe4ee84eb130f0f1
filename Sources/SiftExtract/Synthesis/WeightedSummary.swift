/// A weighted mean and SD over the units that report a value, with the units used and those skipped.
public struct WeightedSummary: Sendable, Hashable {
  /// A unit used: its name, n, value and SD.
  public struct Item: Sendable, Hashable {
    public var study: String
    public var row: String
    public var name: String
    public var n: Double
    public var value: Double
    public var sd: Double?
  }

  /// A unit left out, and why.
  public struct Skipped: Sendable, Hashable {
    public var name: String
    public var reason: String
  }

  public var items: [Item]
  public var skipped: [Skipped]

  /// Σnᵢ over the items with a value.
  public var totalN: Double { items.reduce(0) { $0 + $1.n } }
  /// Σnᵢxᵢ / Σnᵢ.
  public var weightedMean: Double? { Statistics.weightedMean(items.map { ($0.value, $0.n) }) }
  /// Σnᵢsᵢ / Σnᵢ over the items that report an SD.
  public var weightedSD: Double? { Statistics.weightedSD(sdItems) }
  /// √(Σ(nᵢ−1)sᵢ² / Σ(nᵢ−1)) over the items that report an SD.
  public var pooledSD: Double? { Statistics.pooledSD(sdItems) }
  /// Σnᵢ over the items with an SD.
  public var totalNWithSD: Double { sdItems.reduce(0) { $0 + $1.n } }

  private var sdItems: [(sd: Double, n: Double)] { items.compactMap { item in item.sd.map { ($0, item.n) } } }

  /// Collects the value (and SD) of each unit: for a mean-sd column its two parts; for a number column the
  /// value and, when `sdColumn` is given, that column's number.
  public static func collect(
    _ units: [ExtractionQuery.Unit], column: String, sdColumn: String?, query: ExtractionQuery
  ) -> WeightedSummary {
    var items: [Item] = []
    var skipped: [Skipped] = []
    for unit in units {
      let value = unit.entry.value(column)
      guard let value else {
        skipped.append(Skipped(name: unit.name, reason: "\(column) empty"))
        continue
      }
      guard let number = value.number else {
        skipped.append(Skipped(name: unit.name, reason: "\(column) \(ValueCodec.write(value))"))
        continue
      }
      guard let n = query.n(of: unit) else {
        skipped.append(Skipped(name: unit.name, reason: "no n"))
        continue
      }
      var sd = value.sd
      if let sdColumn, sd == nil { sd = unit.entry.value(sdColumn)?.number }
      items.append(Item(study: unit.study.id, row: unit.row.id, name: unit.name, n: n, value: number, sd: sd))
    }
    return WeightedSummary(items: items, skipped: skipped)
  }
}
