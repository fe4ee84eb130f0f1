/// The figures a paper reported (`reported.yaml`), each with how to compute it from the consensus.
public struct ReportedFile: Sendable, Hashable, Codable {
  public var form: String?
  public var items: [ReportedItem]

  public init(form: String? = nil, items: [ReportedItem]) {
    self.form = form
    self.items = items
  }
}

/// One reported figure.
public struct ReportedItem: Sendable, Hashable, Codable {
  public var id: String
  public var statistic: StatisticSpec
  /// The number as the paper states it.
  public var reported: Double
  /// The paper's verbatim figure, e.g. `85,26`.
  public var reportedText: String?
  /// Decimals of the reported figure (default 0).
  public var decimals: Int?
  /// The sentence the figure comes from.
  public var sentence: String?
  /// Where in the paper.
  public var location: String?
  public var note: String?

  enum CodingKeys: String, CodingKey {
    case id, statistic, reported, decimals, sentence, location, note
    case reportedText = "reported_text"
  }

  public init(
    id: String, statistic: StatisticSpec, reported: Double, reportedText: String? = nil, decimals: Int? = nil,
    sentence: String? = nil, location: String? = nil, note: String? = nil
  ) {
    self.id = id
    self.statistic = statistic
    self.reported = reported
    self.reportedText = reportedText
    self.decimals = decimals
    self.sentence = sentence
    self.location = location
    self.note = note
  }
}

/// How to compute a figure from the consensus (docs/synthesis.md, "Statistics").
public struct StatisticSpec: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case weightedMean = "weighted-mean"
    case weightedSD = "weighted-sd"
    case pooledSD = "pooled-sd"
    case mean, min, max, sum, count
    case countCategory = "count-category"
    case correlationStrength = "correlation-strength"
  }

  public var kind: Kind
  public var table: String?
  public var column: String?
  public var sdColumn: String?
  /// Column → accepted values.
  public var filters: [String: FilterValues]?
  public var countBy: ExtractionQuery.CountBy?
  /// The category counted by `count-category`.
  public var value: String?
  /// The strength counted by `correlation-strength`.
  public var strength: CorrelationScale.Strength?
  /// Shorthand for `where: {significant: …}`.
  public var significant: String?

  enum CodingKeys: String, CodingKey {
    case kind, table, column, value, strength, significant
    case sdColumn = "sd_column"
    case filters = "where"
    case countBy = "count_by"
  }

  public init(
    kind: Kind, table: String? = nil, column: String? = nil, sdColumn: String? = nil,
    filters: [String: FilterValues]? = nil, countBy: ExtractionQuery.CountBy? = nil, value: String? = nil,
    strength: CorrelationScale.Strength? = nil, significant: String? = nil
  ) {
    self.kind = kind
    self.table = table
    self.column = column
    self.sdColumn = sdColumn
    self.filters = filters
    self.countBy = countBy
    self.value = value
    self.strength = strength
    self.significant = significant
  }

  /// The filters as column → written values.
  public var whereValues: [String: [String]] {
    var result = (filters ?? [:]).mapValues(\.values)
    if let significant { result["significant"] = [significant] }
    return result
  }

  /// A one-line description, e.g. `weighted-mean of scores.mean where measure ∈ {WAI, WAI-S}`.
  public var summary: String {
    var text = kind.rawValue
    if let table { text += " of \(table)" + (column.map { ".\($0)" } ?? "") }
    let filters = whereValues.sorted { $0.key < $1.key }
    if !filters.isEmpty {
      text +=
        " where "
        + filters.map { key, values in
          values.count == 1 ? "\(key) = \(values[0])" : "\(key) ∈ {\(values.joined(separator: ", "))}"
        }.joined(separator: ", ")
    }
    if let value { text += ", value \(value)" }
    if let strength { text += ", strength \(strength.rawValue)" }
    if let countBy { text += ", by \(countBy.rawValue)" }
    return text
  }
}

/// A filter value: one value or a list (numbers read as written).
public struct FilterValues: Sendable, Hashable, Codable {
  public var values: [String]

  public init(_ values: [String]) {
    self.values = values
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let list = try? container.decode([String].self) {
      values = list
    } else if let list = try? container.decode([Double].self) {
      values = list.map(NumberFormat.plain)
    } else if let one = try? container.decode(String.self) {
      values = [one]
    } else {
      values = [NumberFormat.plain(try container.decode(Double.self))]
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
  }
}
