import Foundation

/// Reads a column's value from its written form and writes it back, per column type (docs/extraction.md).
public enum ValueCodec {
  /// The outcome of reading one value: the value, or an error message, plus warnings.
  public struct Parsed: Sendable, Hashable {
    public var value: CellValue?
    public var error: String?
    public var warnings: [String] = []
  }

  /// Reads `written` as a value of `column` (`n.a.` is not available for every type).
  public static func parse(_ written: String, for column: FormColumn) -> Parsed {
    let trimmed = written.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed == CellValue.notAvailableText { return Parsed(value: .notAvailable) }
    switch column.type {
    case .text:
      return Parsed(value: .text(written))
    case .number:
      guard let number = NumberValue.parse(trimmed) else {
        return Parsed(
          error: "\(quoted(written)) is not a number (write e.g. 5.41, or n.a.; put printed text in `text`)")
      }
      return Parsed(value: .number(number))
    case .integer:
      guard let number = NumberValue.parse(trimmed), number.isInteger else {
        return Parsed(
          error: "\(quoted(written)) is not an integer (write e.g. 101, or n.a.; put printed text in `text`)")
      }
      return Parsed(value: .number(number))
    case .percentage:
      let digits = trimmed.hasSuffix("%") ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
      guard let number = NumberValue.parse(digits), number.value >= 0, number.value <= 100 else {
        return Parsed(
          error: "\(quoted(written)) is not a percentage 0–100 (write e.g. 75, or n.a.; put printed text in `text`)")
      }
      return Parsed(value: .number(number))
    case .meanSD:
      return parseMeanSD(trimmed, written: written)
    case .category:
      return category(trimmed, for: column)
    case .multiCategory:
      let parts = trimmed.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      return categories(parts, for: column)
    }
  }

  /// Reads the values of a multi-category column given as a list.
  public static func categories(_ values: [String], for column: FormColumn) -> Parsed {
    var result = Parsed(value: nil)
    var chosen: [String] = []
    for value in values {
      let one = category(value, for: column)
      if let error = one.error { return Parsed(error: error) }
      result.warnings += one.warnings
      if case .category(let canonical)? = one.value, !chosen.contains(canonical) { chosen.append(canonical) }
    }
    if chosen.isEmpty { return Parsed(error: "no category given (write e.g. [\(examples(column))], or n.a.)") }
    result.value = .categories(chosen)
    return result
  }

  private static func category(_ value: String, for column: FormColumn) -> Parsed {
    let allowed = column.values ?? []
    if let match = allowed.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) {
      return Parsed(value: .category(match))
    }
    if column.type == .category, column.values == ["yes", "no"] || column.values == ["no", "yes"] {
      switch value.lowercased() {
      case "true": return Parsed(value: .category("yes"))
      case "false": return Parsed(value: .category("no"))
      default: break
      }
    }
    if column.open == true {
      return Parsed(
        value: .category(value), warnings: ["\(quoted(value)) is not one of: \(allowed.joined(separator: ", "))"])
    }
    return Parsed(error: "\(quoted(value)) is not one of: \(allowed.joined(separator: ", "))")
  }

  private static func examples(_ column: FormColumn) -> String {
    (column.values ?? []).prefix(2).joined(separator: ", ")
  }

  private static func parseMeanSD(_ trimmed: String, written: String) -> Parsed {
    let failure = Parsed(
      error:
        "\(quoted(written)) is not a mean (SD) (write e.g. 38.9 (13.5) or {mean: 38.9, sd: 13.5}; a part may be n.a.)")
    var meanText = trimmed
    var sdText: String?
    if let open = trimmed.firstIndex(of: "(") {
      guard trimmed.hasSuffix(")") else { return failure }
      meanText = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
      sdText = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        .trimmingCharacters(in: .whitespaces)
    }
    guard let mean = amount(meanText) else { return failure }
    if let sdText {
      guard let sd = amount(sdText) else { return failure }
      return Parsed(value: .meanSD(mean: mean, sd: sd))
    }
    return Parsed(value: .meanSD(mean: mean, sd: nil))
  }

  /// Reads a part of a mean (SD): a number or `n.a.`.
  public static func amount(_ text: String) -> Amount? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == CellValue.notAvailableText { return .notAvailable }
    return NumberValue.parse(trimmed).map(Amount.number)
  }

  /// The value written as in a CSV `value` field (and YAML scalars): the inverse of `parse`.
  public static func write(_ value: CellValue) -> String {
    switch value {
    case .notAvailable: return CellValue.notAvailableText
    case .text(let text): return text
    case .number(let number): return number.written
    case .meanSD(let mean, let sd):
      let meanText = mean?.printed ?? ""
      guard let sd else { return meanText }
      return "\(meanText.isEmpty ? CellValue.notAvailableText : meanText) (\(sd.printed))"
    case .category(let value): return value
    case .categories(let values): return values.joined(separator: "; ")
    }
  }

  /// The value as a printed table shows it (percentages with their unit).
  public static func printed(_ value: CellValue, for column: FormColumn) -> String {
    if case .number(let number) = value, column.type == .percentage {
      let unit = column.unit ?? "%"
      if unit.isEmpty { return number.written }
      return number.written + (unit.hasPrefix("%") ? unit : " " + unit)
    }
    return write(value)
  }

  static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
