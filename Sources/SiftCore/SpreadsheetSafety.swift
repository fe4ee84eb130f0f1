/// Guards text written to CSV against spreadsheet formula injection (see docs/robustness.md).
public enum SpreadsheetSafety {
  /// `text` with a leading `'` when a spreadsheet would run it as a formula: it starts with `=`, `+`, `-`, `@`,
  /// tab or CR and is not a plain number (so `-0.25` stays a number, `=HYPERLINK(…)` becomes text).
  public static func guarded(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
    if isPlainNumber(text) { return text }
    return "'" + text
  }

  static func isPlainNumber(_ text: String) -> Bool {
    var digits = 0
    var dots = 0
    for (i, c) in text.unicodeScalars.enumerated() {
      switch c {
      case "0"..."9": digits += 1
      case ".": dots += 1
      case "-", "+": if i != 0 { return false }
      default: return false
      }
    }
    return digits > 0 && dots <= 1
  }
}
