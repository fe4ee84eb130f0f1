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
        if run <= 4 { value = value * 10 + Int(b - 0x30) }  // longer runs are no year (and must not overflow)
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
    if let start, let end, let joined = joinedPages(start, end) { return joined }
    return pagesSlowly(start: start, end: end)
  }

  /// ``pages(start:end:)`` for any values (the fast path's reference).
  static func pagesSlowly(start: String?, end: String?) -> String? {
    let s = nonEmpty(start) ?? ""
    let e = nonEmpty(end) ?? ""
    if s.isEmpty { return e.isEmpty ? nil : e }
    if e.isEmpty || s.containsByte(0x2D) || s == e { return s }
    return s + "-" + e
  }

  /// ``pages(start:end:)`` on bytes for two clean ASCII values that fit a small string (the usual `123`/`129`);
  /// nil when they are not such values (the caller then takes the general path).
  private static func joinedPages(_ start: String, _ end: String) -> String? {
    var a = start
    var b = end
    let joined = a.withUTF8 { s in
      b.withUTF8 { e -> String?? in
        guard s.count + e.count <= 14, hasCleanEdges(s), hasCleanEdges(e) else { return .none }
        var high: UInt8 = 0
        var dash = false
        for c in s {
          high |= c
          if c == 0x2D { dash = true }
        }
        for c in e { high |= c }
        guard high < 0x80 else { return .none }
        // `SP` holding a range, or the same page twice: the start as it is.
        if dash || (s.count == e.count && s.elementsEqual(e)) { return .some(nil) }
        return String(unsafeUninitializedCapacity: s.count + e.count + 1) { out in
          guard let target = out.baseAddress, let from = s.baseAddress, let to = e.baseAddress else { return 0 }
          target.initialize(from: from, count: s.count)
          target[s.count] = 0x2D
          (target + s.count + 1).initialize(from: to, count: e.count)
          return s.count + e.count + 1
        }
      }
    }
    switch joined {
    case .some(.some(let pages)): return pages
    case .some(.none): return start
    case .none: return nil
    }
  }

  /// ISSNs (`1234-567X`, also written without the hyphen) found in a value, normalised with a hyphen.
  public static func issns(in raw: String) -> [String] {
    let b = Array(raw.utf8)
    if b.count == 9, b[4] == 0x2D, b[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      b[5..<8].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), b[8] == 0x58 || (b[8] >= 0x30 && b[8] <= 0x39)
    {
      return [raw]
    }
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
    if raw.utf8.count < 10 { return [] }
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
    var text = raw
    let single = text.withUTF8 { b in
      b.count > 4 && b[0] == 0x68 && b[1] == 0x74 && b[2] == 0x74 && b[3] == 0x70
        && !b.contains(where: { $0 == 0x3B || $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
    }
    if single { return [raw] }
    return raw.split(whereSeparator: { $0 == ";" || $0.isWhitespace }).map(String.init).filter {
      $0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("ftp://") || $0.hasPrefix("www.")
    }
  }

  /// Appends the authors of one value (see ``authors(in:)``) without a temporary array for the usual single name.
  public static func appendAuthors(in raw: String, to authors: inout [Author]) {
    // Fast path: one `Family, Given` (no `;`), split in one pass.
    if let author = splitAtComma(raw, allowingSemicolon: false) {
      authors.append(author)
    } else {
      appendAuthorsSlowly(in: raw, to: &authors)
    }
  }

  /// ``appendAuthors(in:to:)`` for any value (the fast path's reference).
  static func appendAuthorsSlowly(in raw: String, to authors: inout [Author]) {
    if raw.containsByte(0x3B) {
      authors += FieldParsing.authors(in: raw)
    } else if let value = nonEmpty(raw) {
      authors.append(author(value))
    }
  }

  /// Appends the URLs of one value (see ``urls(in:)``).
  public static func appendURLs(in raw: String, to urls: inout [String]) {
    var text = raw
    let single = text.withUTF8 { b in
      b.count > 4 && b[0] == 0x68 && b[1] == 0x74 && b[2] == 0x74 && b[3] == 0x70
        && !b.contains(where: { $0 == 0x3B || $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
    }
    if single { urls.append(raw) } else { urls += FieldParsing.urls(in: raw) }
  }

  /// Appends the ISSNs of one value (see ``issns(in:)``).
  public static func appendISSNs(in raw: String, to issns: inout [String]) {
    var text = raw
    let plain = text.withUTF8 { b in
      b.count == 9 && b[4] == 0x2D && b[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        && b[5..<8].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && (b[8] == 0x58 || (b[8] >= 0x30 && b[8] <= 0x39))
    }
    if plain { issns.append(raw) } else { issns += FieldParsing.issns(in: raw) }
  }

  /// Splits an author value that holds several names separated by `;` (some exporters write one line for all).
  public static func authors(in raw: String) -> [Author] {
    guard let value = nonEmpty(raw) else { return [] }
    if value.utf8.contains(0x3B) {
      return value.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.map(author)
    }
    return [author(value)]
  }

  /// The trimmed value, or nil when it is empty (``nonEmpty(_:)-(String?)`` without the optional and the copy).
  @inline(__always)
  public static func nonEmpty(_ raw: String) -> String? {
    // Fast path: nothing to trim (visible ASCII or Latin letters at both ends; other edges go the slow way).
    switch raw.utf8.withContiguousStorageIfAvailable({ b -> Bool? in b.isEmpty ? nil : hasCleanEdges(b) }) {
    case .some(.some(true)): return raw
    case .some(.none): return nil
    default:
      let trimmed = raw.trimmingSpaces
      return trimmed.isEmpty ? nil : trimmed
    }
  }

  /// The trimmed value, or nil when it is empty.
  public static func nonEmpty(_ raw: String?) -> String? {
    guard var raw else { return nil }
    // Fast path: nothing to trim (visible ASCII or Latin letters at both ends; other edges go the slow way).
    let clean = raw.withUTF8 { b -> Bool? in
      guard !b.isEmpty else { return nil }
      return hasCleanEdges(b)
    }
    guard let clean else { return nil }
    if clean { return raw }
    let trimmed = raw.trimmingSpaces
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Whether the value spans several lines.
  public static func containsNewline(_ value: String) -> Bool {
    value.containsByte(0x0A) || value.containsByte(0x0D)
  }

  /// ``Identifier/normalizeDOI(_:)`` with a fast path for a plain `10.x/y` value.
  public static func doi(_ raw: String) -> String? {
    var text = raw
    let plain = text.withUTF8 { b -> (ok: Bool, upper: Bool) in
      guard b.count > 6, b[0] == 0x31, b[1] == 0x30, b[2] == 0x2E, let last = b.last else { return (false, false) }
      var slash = false
      var upper = false
      for c in b {
        if c <= 0x20 || c >= 0x7F { return (false, false) }
        if c == 0x2F { slash = true }
        if c >= 0x41 && c <= 0x5A { upper = true }
      }
      switch last {
      case 0x2E, 0x2C, 0x3B, 0x29, 0x5D, 0x3E, 0x22, 0x27: return (false, false)  // . , ; ) ] > " '
      default: return (slash, upper)
      }
    }
    if plain.ok { return plain.upper ? raw.lowercased() : raw }
    return Identifier.normalizeDOI(raw)
  }

  /// ``Author/parse(_:)`` with a fast path for `Family, Given` written without extra spaces.
  public static func author(_ raw: String) -> Author {
    splitAtComma(raw, allowingSemicolon: true) ?? Author.parse(raw)
  }

  /// `Family, Given` split on bytes, in one pass: nil unless the name has clean edges, a comma with no space before
  /// it, no tab and (unless `allowingSemicolon`) no `;`. Spaces after the comma are dropped; the name as written is
  /// `raw` itself.
  @inline(__always)
  static func splitAtComma(_ raw: String, allowingSemicolon: Bool) -> Author? {
    var text = raw
    let split = text.withUTF8 { b -> (family: String, given: String)? in
      guard hasCleanEdges(b) else { return nil }
      var comma = -1
      for i in 0..<b.count {
        let c = b[i]
        if c == 0x09 || (c == 0x3B && !allowingSemicolon) { return nil }
        if c == 0x2C, comma < 0 { comma = i }
      }
      guard comma > 0, b[comma - 1] != 0x20 else { return nil }
      var g = comma + 1
      while g < b.count, b[g] == 0x20 { g += 1 }
      return (
        UTF8Bytes.string(UnsafeBufferPointer(rebasing: b[..<comma])),
        UTF8Bytes.string(UnsafeBufferPointer(rebasing: b[g...]))
      )
    }
    guard let split else { return nil }
    return Author(asWritten: raw, family: split.family, given: split.given.isEmpty ? nil : split.given)
  }

  /// Whether non-empty UTF-8 bytes start and end with something ``Swift/StringProtocol/trimmingSpaces`` keeps: a
  /// visible ASCII character, or a Latin letter U+00C0–U+024F (never whitespace, never a combining mark).
  @inline(__always)
  static func hasCleanEdges(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    guard n > 0 else { return false }
    let first = b[0]
    let firstClean = (first > 0x20 && first < 0x80) || (first >= 0xC3 && first <= 0xC9 && n >= 2)
    guard firstClean else { return false }
    let last = b[n - 1]
    if last > 0x20 && last < 0x80 { return true }
    return n >= 2 && last & 0xC0 == 0x80 && b[n - 2] >= 0xC3 && b[n - 2] <= 0xC9
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
