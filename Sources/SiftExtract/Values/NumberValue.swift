import Foundation

/// A number as the paper printed it: the written digits (kept for printing, `40.0` stays `40.0`) and its value.
public struct NumberValue: Sendable, Hashable, CustomStringConvertible {
  /// The digits as written, e.g. `−0.47`, `.98`, `40.0`.
  public var written: String
  public var value: Double

  public init(written: String, value: Double) {
    self.written = written
    self.value = value
  }

  /// A number from its value, written with the shortest exact form.
  public init(_ value: Double) {
    self.value = value
    self.written = NumberFormat.plain(value)
  }

  /// Parses `5.41`, `-0.47`, `−0.47` (Unicode minus), `+3`, `.98`, `1e-3`; nil for anything else.
  public static func parse(_ text: String) -> NumberValue? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    let ascii = trimmed.replacingOccurrences(of: "\u{2212}", with: "-")
    let allowed = Set("0123456789.+-eE")
    guard ascii.allSatisfy({ allowed.contains($0) }), ascii.contains(where: \.isNumber) else { return nil }
    guard let value = Double(ascii.hasPrefix(".") ? "0" + ascii : ascii.replacingOccurrences(of: "-.", with: "-0."))
    else { return nil }
    guard value.isFinite else { return nil }
    return NumberValue(written: trimmed, value: value)
  }

  public var description: String { written }

  /// Whether the written number is a whole number without decimal point or exponent.
  public var isInteger: Bool {
    let digits = written.hasPrefix("-") || written.hasPrefix("+") ? String(written.dropFirst()) : written
    return !digits.isEmpty && digits.allSatisfy(\.isNumber)
  }
}

/// Fixed, locale-independent number formatting for deterministic output.
public enum NumberFormat {
  /// `value` with exactly `decimals` decimals (half away from zero), `-0.00` printed as `0.00`.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && scaled != 0
    let whole = scaled / scale
    let integerPart = whole.rounded(.towardZero)
    var text = String(format: "%.0f", integerPart)
    if decimals > 0 {
      let fraction = scaled - integerPart * scale
      var fractionDigits = String(format: "%.0f", fraction)
      while fractionDigits.count < decimals { fractionDigits = "0" + fractionDigits }
      text += "." + fractionDigits
    }
    return negative ? "-" + text : text
  }

  /// The shortest decimal form that round-trips (`5.0` -> `5`, `0.1` -> `0.1`).
  public static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.0f", value) }
    return "\(value)"
  }
}
