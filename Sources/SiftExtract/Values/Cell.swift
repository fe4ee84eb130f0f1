/// The value of a column in one entry, with the paper's printed text and the extractor's note.
/// An absent cell is *empty* (not yet extracted); `value == .notAvailable` is `n.a.` (not reported by the paper).
public struct Cell: Sendable, Hashable {
  /// The typed value; nil when only the printed text is known.
  public var value: CellValue?
  /// The paper's printed cell, verbatim.
  public var text: String?
  /// The extractor's remark; never printed.
  public var note: String?

  public init(value: CellValue? = nil, text: String? = nil, note: String? = nil) {
    self.value = value
    self.text = text
    self.note = note
  }

  /// Whether the cell holds nothing at all (treated like an absent cell).
  public var isEmpty: Bool { value == nil && (text ?? "").isEmpty && (note ?? "").isEmpty }

  /// Whether two reviewers' cells agree: same value (numbers compared by value) and same printed text
  /// (whitespace runs collapsed). Notes are not compared.
  public func agrees(with other: Cell) -> Bool {
    let sameValue: Bool
    switch (value, other.value) {
    case (nil, nil): sameValue = true
    case (let left?, let right?): sameValue = left.agrees(with: right)
    default: sameValue = false
    }
    return sameValue && Cell.normalised(text) == Cell.normalised(other.text)
  }

  static func normalised(_ text: String?) -> String {
    (text ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

/// A part of a mean (SD) pair: a number or `n.a.`.
public enum Amount: Sendable, Hashable {
  case number(NumberValue)
  case notAvailable

  /// The number, nil when not available.
  public var number: Double? {
    if case .number(let value) = self { return value.value }
    return nil
  }

  /// As printed: the written digits or `n.a.`.
  public var printed: String {
    switch self {
    case .number(let value): return value.written
    case .notAvailable: return CellValue.notAvailableText
    }
  }
}

/// A typed value.
public enum CellValue: Sendable, Hashable {
  /// `n.a.`: the paper does not report it.
  case notAvailable
  case text(String)
  /// A number, integer or percentage.
  case number(NumberValue)
  /// Mean and SD; a nil part was not extracted.
  case meanSD(mean: Amount?, sd: Amount?)
  case category(String)
  case categories([String])

  /// The marker of a not-available value.
  public static let notAvailableText = "n.a."

  /// The number of a number value, the mean of a mean (SD); nil otherwise.
  public var number: Double? {
    switch self {
    case .number(let value): return value.value
    case .meanSD(let mean, _): return mean?.number
    default: return nil
    }
  }

  /// The SD of a mean (SD); nil otherwise.
  public var sd: Double? {
    if case .meanSD(_, let sd) = self { return sd?.number }
    return nil
  }

  /// Category values: one for a category, several for a multi-category.
  public var categories: [String] {
    switch self {
    case .category(let value): return [value]
    case .categories(let values): return values
    default: return []
    }
  }

  /// Whether two values agree: numbers by value, everything else exactly.
  public func agrees(with other: CellValue) -> Bool {
    switch (self, other) {
    case (.number(let left), .number(let right)): return left.value == right.value
    case (.meanSD(let leftMean, let leftSD), .meanSD(let rightMean, let rightSD)):
      return Self.same(leftMean, rightMean) && Self.same(leftSD, rightSD)
    default: return self == other
    }
  }

  private static func same(_ left: Amount?, _ right: Amount?) -> Bool {
    switch (left, right) {
    case (nil, nil): return true
    case (.notAvailable?, .notAvailable?): return true
    case (.number(let l)?, .number(let r)?): return l.value == r.value
    default: return false
    }
  }
}
