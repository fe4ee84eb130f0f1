import SiftCore

/// Small text helpers shared by the structured readers (XML, BibTeX).
enum FieldText {
  /// Runs of white space (spaces, tabs, line ends) collapsed to one space, and trimmed.
  static func collapse(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for ch in text {
      if ch.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(ch)
      }
    }
    return out
  }

  /// The collapsed text, or nil when it is empty.
  static func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    let collapsed = collapse(text)
    return collapsed.isEmpty ? nil : collapsed
  }

  /// The first publication year in `text`: a run of exactly four ASCII digits in 1000–2999 (`2015 Mar 3`,
  /// `1998 Dec-1999 Jan`, `2012///`). Longer digit runs are skipped whole, so no input can overflow.
  static func year(_ text: String) -> Int? {
    var run = 0
    var value = 0
    for byte in text.utf8 {
      if byte >= 0x30, byte <= 0x39 {
        run += 1
        if run <= 4 { value = value * 10 + Int(byte - 0x30) }
      } else {
        if run == 4, (1000...2999).contains(value) { return value }
        run = 0
        value = 0
      }
    }
    return run == 4 && (1000...2999).contains(value) ? value : nil
  }
}
