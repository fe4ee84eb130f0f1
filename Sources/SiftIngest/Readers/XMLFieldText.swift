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

  /// The first plausible publication year (1000–2999, four digits standing alone) in `text`, e.g. `2015` in
  /// `2015 Mar 3`, `1998 Dec-1999 Jan` or `2012///`.
  static func firstYear(in text: String?) -> Int? {
    guard let text else { return nil }
    let chars = Array(text.unicodeScalars)
    var i = 0
    while i < chars.count {
      guard chars[i].properties.numericType != nil, chars[i].isASCII else {
        i += 1
        continue
      }
      var j = i
      while j < chars.count, chars[j].isASCII, ("0"..."9").contains(chars[j]) { j += 1 }
      if j - i == 4, let value = Int(String(String.UnicodeScalarView(chars[i..<j]))), (1000...2999).contains(value) {
        return value
      }
      i = max(j, i + 1)
    }
    return nil
  }

  /// Splits a list of identifiers written one per line or separated by `;`, keeping each identifier's first word
  /// (`1532-1827 (Electronic)` → `1532-1827`).
  static func identifiers(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" })
      .compactMap { $0.split(separator: " ").first.map(String.init) }
      .filter { !$0.isEmpty }
  }

  /// Whether `id` looks like an ISSN (`1234-567X`, with or without the hyphen).
  static func isISSN(_ id: String) -> Bool {
    let compact = id.filter { $0 != "-" }
    guard compact.count == 8 else { return false }
    return compact.prefix(7).allSatisfy(\.isASCIIDigit)
      && (compact.last?.isASCIIDigit == true || compact.last == "X" || compact.last == "x")
  }

  /// ISSNs and ISBNs from an identifier field that may hold either.
  static func splitISSNAndISBN(_ text: String) -> (issn: [String], isbn: [String]) {
    var issn: [String] = []
    var isbn: [String] = []
    for id in identifiers(text) {
      if isISSN(id) { issn.append(id) } else if id.contains(where: \.isASCIIDigit) { isbn.append(id) }
    }
    return (issn, isbn)
  }
}

extension Character {
  /// `0`…`9`.
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
