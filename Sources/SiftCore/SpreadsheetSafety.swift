/// Guards text written to CSV against spreadsheet formula injection (see docs/robustness.md).
public enum SpreadsheetSafety {
  /// `text` with a leading `'` when a spreadsheet would run it as a formula: it starts with `=`, `+`, `-`, `@`,
  /// tab or CR and is not a plain number (so `-0.25` stays a number, `=HYPERLINK(…)` becomes text).
  public static func guarded(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
    if isPlainNumber(text) { return text }
    return "'" + text
  }

  /// Like ``guarded(_:)`` but undone exactly by ``unguarded(_:)``, for CSV files Sift also reads back (the extraction
  /// CSV): text that already starts with `'` and a formula character (or a second `'`) gets one more `'`.
  public static func reversiblyGuarded(_ text: String) -> String {
    startsWithGuard(text) ? "'" + text : guarded(text)
  }

  /// Removes the guard ``reversiblyGuarded(_:)`` added: a leading `'` followed by a formula character or `'`.
  public static func unguarded(_ text: String) -> String {
    startsWithGuard(text) ? String(text.unicodeScalars.dropFirst()) : text
  }

  static func startsWithGuard(_ text: String) -> Bool {
    var scalars = text.unicodeScalars.makeIterator()
    guard scalars.next() == "'", let second = scalars.next() else { return false }
    return "=+-@\t\r'".unicodeScalars.contains(second)
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
