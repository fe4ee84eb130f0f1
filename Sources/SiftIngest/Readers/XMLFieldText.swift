import SiftCore

/// Small text helpers shared by the structured readers (XML, BibTeX).
enum FieldText {
  /// Runs of white space (spaces, tabs, line ends) collapsed to one space, and trimmed.
  static func collapse(_ text: String) -> String {
    // Fast path: nothing to collapse.
    var previousSpace = true
    var clean = true
    for byte in text.utf8 {
      let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
      if isSpace && (previousSpace || byte != 0x20) || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
        clean = false  // a leading/double/non-space blank, or a possible Unicode space (U+00A0, U+2000…, U+3000)
        break
      }
      previousSpace = isSpace
    }
    if clean && !previousSpace { return text }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if BibTeXParser.isSpace(scalar) {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
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
