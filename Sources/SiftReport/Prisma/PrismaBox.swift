/// One box of the PRISMA 2020 flow diagram: a heading, its count, the records behind it and its breakdown lines.
public struct PrismaBox: Sendable, Hashable, Codable {
  /// Stable id, e.g. `screened.title-abstract` or `reports-excluded`.
  public var id: String
  /// The box's wording, e.g. `Records screened`.
  public var label: String
  public var n: Int
  /// Ids of the records (or reports) counted in `n`, in input order.
  public var records: [String]
  /// Breakdown lines, e.g. one per database or one per exclusion reason.
  public var items: [PrismaItem]
  /// Records that reached this box's stage and have no final decision there yet.
  public var awaiting: PrismaItem?

  public init(
    id: String, label: String, n: Int, records: [String], items: [PrismaItem] = [], awaiting: PrismaItem? = nil
  ) {
    self.id = id
    self.label = label
    self.n = n
    self.records = records
    self.items = items
    self.awaiting = awaiting
  }

  /// A box counting exactly `records`.
  public init(id: String, label: String, records: [String], items: [PrismaItem] = [], awaiting: PrismaItem? = nil) {
    self.init(id: id, label: label, n: records.count, records: records, items: items, awaiting: awaiting)
  }

  /// The item with `id`, searched depth first.
  public func item(_ id: String) -> PrismaItem? {
    for item in items {
      if let found = item.find(id) { return found }
    }
    return awaiting?.id == id ? awaiting : nil
  }
}

/// A counted line inside a box, e.g. `Scopus (n = 60)`; items may nest (databases under `Databases`).
public struct PrismaItem: Sendable, Hashable, Codable {
  public var id: String
  public var label: String
  public var n: Int
  public var records: [String]
  public var items: [PrismaItem]

  public init(id: String, label: String, n: Int, records: [String], items: [PrismaItem] = []) {
    self.id = id
    self.label = label
    self.n = n
    self.records = records
    self.items = items
  }

  /// An item counting exactly `records`.
  public init(id: String, label: String, records: [String], items: [PrismaItem] = []) {
    self.init(id: id, label: label, n: records.count, records: records, items: items)
  }

  func find(_ id: String) -> PrismaItem? {
    if self.id == id { return self }
    for item in items {
      if let found = item.find(id) { return found }
    }
    return nil
  }
}
