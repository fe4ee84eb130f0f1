/// A weighted mean and SD over the units that report a value, with the units used and those skipped.
public struct WeightedSummary: Sendable, Hashable {
  /// A unit used: its name, n, value and SD (as numbers and as written). A unit may give only one of the two:
  /// the mean uses the units with a value, the SDs the units with an SD.
  public struct Item: Sendable, Hashable {
    public var study: String
    public var row: String
    public var name: String
    public var n: Double
    public var value: Double?
    public var sd: Double?
    public var valueText: String
    public var sdText: String
  }

  /// A unit left out, and why.
  public struct Skipped: Sendable, Hashable {
    public var name: String
    public var reason: String
  }

  public var items: [Item]
  public var skipped: [Skipped]

  /// Σnᵢ over the items with a value.
  public var totalN: Double { meanItems.reduce(0) { $0 + $1.n } }
  /// Σnᵢxᵢ / Σnᵢ over the items with a value.
  public var weightedMean: Double? { Statistics.weightedMean(meanItems) }
  /// Σnᵢsᵢ / Σnᵢ over the items that report an SD.
  public var weightedSD: Double? { Statistics.weightedSD(sdItems) }
  /// √(Σ(nᵢ−1)sᵢ² / Σ(nᵢ−1)) over the items that report an SD.
  public var pooledSD: Double? { Statistics.pooledSD(sdItems) }
  /// Σnᵢ over the items with an SD.
  public var totalNWithSD: Double { sdItems.reduce(0) { $0 + $1.n } }
  /// Items with a value.
  public var valueCount: Int { meanItems.count }
  /// Items with an SD.
  public var sdCount: Int { sdItems.count }

  private var meanItems: [(value: Double, n: Double)] {
    items.compactMap { item in item.value.map { ($0, item.n) } }
  }
  private var sdItems: [(sd: Double, n: Double)] { items.compactMap { item in item.sd.map { ($0, item.n) } } }

  /// Collects the value and SD of each unit: for a mean-sd column its two parts; for a number column the value
  /// and, when `sdColumn` is given, that column's number. A unit with only an SD (mean n.a.) counts for the SD.
  public static func collect(
    _ units: [ExtractionQuery.Unit], column: String, sdColumn: String?, query: ExtractionQuery
  ) -> WeightedSummary {
    var items: [Item] = []
    var skipped: [Skipped] = []
    for unit in units {
      let value = unit.entry.value(column)
      var mean: Amount?
      var sd: Amount?
      switch value {
      case .meanSD(let m, let s)?:
        mean = m
        sd = s
      case .number(let number)?: mean = .number(number)
      case .notAvailable?: mean = .notAvailable
      default: break
      }
      if let sdColumn, sd == nil {
        switch unit.entry.value(sdColumn) {
        case .number(let number)?: sd = .number(number)
        case .notAvailable?: sd = .notAvailable
        default: break
        }
      }
      let meanNumber = mean?.number
      let sdNumber = sd?.number
      guard meanNumber != nil || sdNumber != nil else {
        let written = value.map(ValueCodec.write) ?? "empty"
        skipped.append(Skipped(name: unit.name, reason: "\(column) \(written)"))
        continue
      }
      guard let n = query.n(of: unit) else {
        skipped.append(Skipped(name: unit.name, reason: "no n"))
        continue
      }
      items.append(
        Item(
          study: unit.study.id, row: unit.row.id, name: unit.name, n: n, value: meanNumber, sd: sdNumber,
          valueText: mean?.printed ?? "–", sdText: sd?.printed ?? "–"))
    }
    return WeightedSummary(items: items, skipped: skipped)
  }
}
