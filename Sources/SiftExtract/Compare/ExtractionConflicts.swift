/// A cell where two reviewers differ (one of them may have left it empty).
public struct ExtractionConflict: Sendable, Hashable {
  public var address: CellAddress
  /// The first reviewer's cell (nil: empty).
  public var first: Cell?
  /// The second reviewer's cell (nil: empty).
  public var second: Cell?
  /// The consensus cell, when already recorded.
  public var consensus: Cell?

  public init(address: CellAddress, first: Cell?, second: Cell?, consensus: Cell? = nil) {
    self.address = address
    self.first = first
    self.second = second
    self.consensus = consensus
  }

  /// Whether the consensus holds a value for this cell.
  public var isResolved: Bool { consensus != nil }
}

/// Compares two reviewers' extractions cell by cell and builds the consensus from what they agree on.
public struct ExtractionComparison: Sendable {
  public var form: ExtractionForm

  public init(form: ExtractionForm) {
    self.form = form
  }

  /// Every cell where `first` and `second` differ in value or printed text, in file order of `first` then
  /// `second`; `consensus` (optional) marks the ones already resolved.
  public func conflicts(_ first: Extraction, _ second: Extraction, consensus: Extraction? = nil)
    -> [ExtractionConflict]
  {
    let firstCells = first.flattened(form: form)
    let secondCells = second.flattened(form: form)
    var order: [CellAddress] = []
    var seen = Set<CellAddress>()
    for (address, _) in firstCells + secondCells where seen.insert(address).inserted { order.append(address) }
    let firstMap = Dictionary(firstCells.map { ($0.address, $0.cell) }, uniquingKeysWith: { left, _ in left })
    let secondMap = Dictionary(secondCells.map { ($0.address, $0.cell) }, uniquingKeysWith: { left, _ in left })
    var result: [ExtractionConflict] = []
    for address in order {
      let left = firstMap[address]
      let right = secondMap[address]
      if let left, let right, left.agrees(with: right) { continue }
      result.append(
        ExtractionConflict(address: address, first: left, second: right, consensus: consensus?.lookup(address)))
    }
    return result
  }

  /// The consensus after copying every cell both reviewers agree on into `consensus` (cells the consensus
  /// already holds are kept), and how many cells were copied.
  public func merge(_ first: Extraction, _ second: Extraction, into consensus: Extraction) -> (Extraction, Int) {
    var result = consensus
    result.form = result.form ?? first.form ?? form.id
    result.reviewer = "consensus"
    let secondMap = Dictionary(
      second.flattened(form: form).map { ($0.address, $0.cell) }, uniquingKeysWith: { left, _ in left })
    var copied = 0
    for (address, cell) in first.flattened(form: form) {
      guard let other = secondMap[address], cell.agrees(with: other), result.lookup(address) == nil else { continue }
      result.set(cell, at: address)
      copied += 1
    }
    // Keep the study and row order of the first reviewer.
    result.studies = Self.ordered(result.studies, like: first.studies)
    return (result, copied)
  }

  static func ordered(_ studies: [Study], like reference: [Study]) -> [Study] {
    let position = Dictionary(reference.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
    return studies.enumerated().sorted { left, right in
      let l = position[left.element.id] ?? Int.max
      let r = position[right.element.id] ?? Int.max
      return l != r ? l < r : left.offset < right.offset
    }.map(\.element)
  }
}
