import SiftCore

/// Parsing of field values shared by the text readers: years, pages, ISSN/ISBN, DOIs, URLs.
public enum FieldParsing {
  /// The year in forms like `2012`, `2012///`, `2012/05/01/`, `2012 May`, `May 2012`, `[2012]`; nil when none.
  public static func year(_ raw: String) -> Int? {
    var run = 0
    var value = 0
    var previousIsDigit = false
    for b in raw.utf8 {
      if b >= 0x30, b <= 0x39 {
        if !previousIsDigit {
          run = 0
          value = 0
        }
        run += 1
        value = value * 10 + Int(b - 0x30)
        previousIsDigit = true
      } else {
        if previousIsDigit, run == 4, (1000...2999).contains(value) { return value }
        previousIsDigit = false
      }
    }
    if previousIsDigit, run == 4, (1000...2999).contains(value) { return value }
    return nil
  }

  /// `SP`/`EP` as one pages value: `123-129`, or the start alone.
  public static func pages(start: String?, end: String?) -> String? {
    let s = start?.trimmingSpaces ?? ""
    let e = end?.trimmingSpaces ?? ""
    if s.isEmpty { return e.isEmpty ? nil : e }
    if e.isEmpty || s.contains("-") || s == e { return s }
    return "\(s)-\(e)"
  }

  /// ISSNs (`1234-567X`, also written without the hyphen) found in a value, normalised with a hyphen.
  public static func issns(in raw: String) -> [String] {
    var out: [String] = []
    for token in tokens(raw) {
      let chars = token.filter { $0 != "-" }
      guard chars.count == 8, token.count <= 9 else { continue }
      guard chars.prefix(7).allSatisfy(\.isASCIIDigit), let last = chars.last, last.isASCIIDigit || last == "X" else {
        continue
      }
      out.append("\(chars.prefix(4))-\(chars.suffix(4))")
    }
    return out
  }

  /// ISBNs (10 or 13 digits, hyphens allowed) found in a value, without hyphens.
  public static func isbns(in raw: String) -> [String] {
    var out: [String] = []
    for token in tokens(raw) {
      let chars = token.filter { $0 != "-" }
      guard chars.count == 10 || chars.count == 13 else { continue }
      guard chars.dropLast().allSatisfy(\.isASCIIDigit), let last = chars.last, last.isASCIIDigit || last == "X" else {
        continue
      }
      out.append(String(chars))
    }
    return out
  }

  /// URLs in a value that may hold several separated by `;` or spaces.
  public static func urls(in raw: String) -> [String] {
    raw.split(whereSeparator: { $0 == ";" || $0.isWhitespace }).map(String.init).filter {
      $0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("ftp://") || $0.hasPrefix("www.")
    }
  }

  /// Splits an author value that holds several names separated by `;` (some exporters write one line for all).
  public static func authors(in raw: String) -> [Author] {
    let value = raw.trimmingSpaces
    guard !value.isEmpty else { return [] }
    if value.contains(";") {
      return value.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.map(Author.parse)
    }
    return [Author.parse(value)]
  }

  /// The trimmed value, or nil when it is empty.
  public static func nonEmpty(_ raw: String?) -> String? {
    guard let raw else { return nil }
    let trimmed = raw.trimmingSpaces
    return trimmed.isEmpty ? nil : trimmed
  }

  private static func tokens(_ raw: String) -> [Substring] {
    raw.split(whereSeparator: { !($0.isASCIIDigit || $0 == "-" || $0 == "X" || $0 == "x") }).map {
      Substring($0.uppercased())
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
