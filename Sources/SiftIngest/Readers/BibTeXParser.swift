import SiftCore

/// One BibTeX entry as written: type, key and fields (values with macros expanded, TeX not yet decoded).
struct BibTeXEntry {
  var type: String
  var key: String
  var fields: [(name: String, value: String)]
  /// 1-based line of the `@`.
  var line: Int
}

/// A tolerant BibTeX tokenizer: `@type{key, name = {…} | "…" | 123 | macro # …}`, `@string` macros and month
/// macros, `@comment`/`@preamble` skipped. A broken entry is reported with its line and the next entry is read.
struct BibTeXParser {
  enum Event {
    case entry(BibTeXEntry)
    /// An entry that could not be read; `line` is where it starts.
    case rejected(message: String, line: Int)
  }

  private let s: [Unicode.Scalar]
  private var i = 0
  /// Offsets of every line end, for line numbers.
  private let lineEnds: [Int]
  private var macros: [String: String] = [
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
  ]

  init(_ text: String) {
    s = Array(text.unicodeScalars)
    var ends: [Int] = []
    for (k, c) in s.enumerated() where c == "\n" || (c == "\r" && (k + 1 == s.count || s[k + 1] != "\n")) {
      ends.append(k)
    }
    lineEnds = ends
  }

  /// 1-based line of an offset.
  func line(at offset: Int) -> Int {
    var low = 0
    var high = lineEnds.count
    while low < high {
      let mid = (low + high) / 2
      if lineEnds[mid] < offset { low = mid + 1 } else { high = mid }
    }
    return low + 1
  }

  private struct Failure: Error {
    var message: String
    var offset: Int
    /// Where to go on reading: the next entry found inside the broken one, if any.
    var resume: Int?
  }

  /// The next entry, rejection or warning; nil at the end of the text.
  mutating func next(warnings: inout [(String, Int)]) -> Event? {
    while i < s.count {
      guard s[i] == "@" else {
        i += 1
        continue
      }
      let start = i
      i += 1
      skipSpace()
      let type = readIdentifier().lowercased()
      skipSpace()
      guard !type.isEmpty, i < s.count, s[i] == "{" || s[i] == "(" else { continue }  // a stray `@`, e.g. in prose
      let close: Unicode.Scalar = s[i] == "{" ? "}" : ")"
      i += 1
      do {
        switch type {
        case "comment", "preamble":
          try skipBody(close: close, start: start)
        case "string":
          try readString(close: close, start: start, warnings: &warnings)
        default:
          return .entry(try readEntry(type: type, close: close, start: start, warnings: &warnings))
        }
      } catch let failure as Failure {
        i = failure.resume ?? nextEntryStart(from: failure.offset) ?? s.count
        return .rejected(message: failure.message, line: line(at: start))
      } catch {
        i = s.count
      }
    }
    return nil
  }

  private mutating func readEntry(
    type: String, close: Unicode.Scalar, start: Int, warnings: inout [(String, Int)]
  ) throws -> BibTeXEntry {
    // The key runs to the first comma (or the end of an entry without fields); it may hold spaces.
    var key = ""
    while i < s.count, s[i] != ",", s[i] != close {
      if s[i] == "@", atLineStart(i), looksLikeEntry(at: i) {
        throw Failure(message: "entry is not closed before the next entry", offset: i, resume: i)
      }
      key.unicodeScalars.append(s[i])
      i += 1
    }
    guard i < s.count else {
      throw Failure(message: "entry is not closed: the file ends inside it", offset: i, resume: s.count)
    }
    var entry = BibTeXEntry(type: type, key: key.trimmingSpaces, fields: [], line: line(at: start))
    if s[i] == close {
      i += 1
      return entry
    }
    i += 1  // the comma
    while true {
      skipSpace()
      guard i < s.count else {
        throw Failure(
          message: "entry is not closed: the file ends inside it (an unbalanced brace?)", offset: i, resume: s.count)
      }
      if s[i] == close {
        i += 1
        return entry
      }
      if s[i] == "," {
        i += 1
        continue
      }
      if s[i] == "@", atLineStart(i), looksLikeEntry(at: i) {
        throw Failure(
          message: "entry is not closed before the next entry at line \(line(at: i)) (an unbalanced brace?)",
          offset: i, resume: i)
      }
      let nameOffset = i
      guard let name = readFieldName() else {
        try skipJunk(close: close, from: nameOffset, warnings: &warnings)
        if i < s.count, s[i] == close {
          i += 1
          return entry
        }
        continue
      }
      i += 1  // the `=`
      let value = try readValue(close: close, field: name, warnings: &warnings)
      entry.fields.append((name, value))
      skipSpace()
      guard i < s.count else { continue }
      if s[i] != "," && s[i] != close {
        try skipJunk(close: close, from: i, warnings: &warnings)
        if i < s.count, s[i] == close {
          i += 1
          return entry
        }
      }
    }
  }

  /// A field name up to its `=` on the same line (Scopus writes names with spaces, `funding_text 1`); nil when
  /// the text here is not `name =`. Leaves `i` on the `=`.
  private mutating func readFieldName() -> String? {
    var k = i
    var name = String.UnicodeScalarView()
    while k < s.count, s[k] != "=", s[k] != "\n", s[k] != "\r" {
      guard isNameCharacter(s[k]) || s[k] == " " || s[k] == "\t" else { return nil }
      name.append(s[k])
      k += 1
    }
    let trimmed = String(name).trimmingSpaces
    guard k < s.count, s[k] == "=", !trimmed.isEmpty, trimmed.unicodeScalars.count <= 80 else { return nil }
    i = k
    return trimmed
  }

  /// Skips text that is not `name = value` inside an entry (junk left by a broken export) up to the next
  /// `,` + line end + `name =`, or up to the entry's closing delimiter at the end of a line followed by the next
  /// entry or the end of the file. Throws when the next entry starts first.
  private mutating func skipJunk(close: Unicode.Scalar, from offset: Int, warnings: inout [(String, Int)]) throws {
    let startLine = line(at: offset)
    i = offset
    while i < s.count {
      let c = s[i]
      if c == "@", atLineStart(i), looksLikeEntry(at: i) {
        throw Failure(
          message: "entry is not closed before the next entry at line \(line(at: i)) (an unbalanced brace?)",
          offset: i, resume: i)
      }
      if c == ",", fieldFollowsOnNextLine(after: i) {
        warnings.append(("unreadable text skipped inside the entry (`\(snippet(at: offset))`…)", startLine))
        i += 1
        return
      }
      if c == close, closesEntry(at: i) {
        warnings.append(("unreadable text skipped inside the entry (`\(snippet(at: offset))`…)", startLine))
        return
      }
      i += 1
    }
    throw Failure(message: "entry is not closed: the file ends inside it", offset: s.count, resume: s.count)
  }

  /// `,` then a line end, then `name =`.
  private func fieldFollowsOnNextLine(after comma: Int) -> Bool {
    var k = comma + 1
    while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
    guard k < s.count, s[k] == "\n" || s[k] == "\r" else { return false }
    while k < s.count, Self.isSpace(s[k]) { k += 1 }
    var letters = 0
    while k < s.count, isNameCharacter(s[k]) || s[k] == " " {
      k += 1
      letters += 1
    }
    return letters > 0 && k < s.count && s[k] == "="
  }

  /// A closing delimiter with only white space after it up to the next entry or the end of the file.
  private func closesEntry(at offset: Int) -> Bool {
    var k = offset + 1
    while k < s.count, Self.isSpace(s[k]) { k += 1 }
    return k == s.count || (s[k] == "@" && atLineStart(k))
  }

  /// `name = value` of an `@string`.
  private mutating func readString(close: Unicode.Scalar, start: Int, warnings: inout [(String, Int)]) throws {
    skipSpace()
    let name = readIdentifier()
    skipSpace()
    guard !name.isEmpty, i < s.count, s[i] == "=" else {
      throw Failure(message: "@string without `name = value`", offset: i, resume: nil)
    }
    i += 1
    let value = try readValue(close: close, field: name, warnings: &warnings)
    macros[name.lowercased()] = value
    skipSpace()
    if i < s.count, s[i] == close { i += 1 }
  }

  /// A value: parts joined by `#`; each part `{…}`, `"…"`, a number or a macro name.
  private mutating func readValue(
    close: Unicode.Scalar, field: String, warnings: inout [(String, Int)]
  ) throws -> String {
    var value = ""
    while true {
      skipSpace()
      guard i < s.count else {
        throw Failure(message: "the file ends inside field `\(field)`", offset: i, resume: s.count)
      }
      let partStart = i
      switch s[i] {
      case "{":
        i += 1
        value += try readBalanced(until: "}", field: field)
      case "\"":
        i += 1
        value += try readBalanced(until: "\"", field: field)
      default:
        let word = readWord(close: close)
        if word.isEmpty {
          throw Failure(
            message: "field `\(field)` at line \(line(at: partStart)) has no value", offset: partStart, resume: nil)
        }
        if word.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
          value += word
        } else if let expansion = macros[word.lowercased()] {
          value += expansion
        } else {
          warnings.append(
            (
              "undefined @string macro `\(word)` in field `\(field)`; kept as the text `\(word)`",
              line(at: partStart)
            ))
          value += word
        }
      }
      skipSpace()
      if i < s.count, s[i] == "#" {
        i += 1
        continue
      }
      return value
    }
  }

  /// Text up to the matching `}` (or `"` at brace depth 0), consuming the terminator. Inner braces are kept.
  private mutating func readBalanced(until terminator: Unicode.Scalar, field: String) throws -> String {
    var depth = 0
    var out = String.UnicodeScalarView()
    let begin = i
    while i < s.count {
      let c = s[i]
      if c == "\\", i + 1 < s.count, terminator == "\"", s[i + 1] == "\"" {
        // `\"` inside a quoted value is an umlaut, not the end.
        out.append(c)
        out.append(s[i + 1])
        i += 2
        continue
      }
      if c == "@", depth >= 0, atLineStart(i), looksLikeEntry(at: i) {
        throw Failure(
          message: "field `\(field)` starting at line \(line(at: begin)) is not closed before the next entry at "
            + "line \(line(at: i)) (an unbalanced brace?)",
          offset: i, resume: i)
      }
      if c == "{" {
        depth += 1
      } else if c == "}" {
        if depth == 0 {
          if terminator == "}" {
            i += 1
            return String(out)
          }
          throw Failure(
            message: "unbalanced `}` in field `\(field)` at line \(line(at: i))", offset: i, resume: nil)
        }
        depth -= 1
      } else if c == terminator, depth == 0 {
        i += 1
        return String(out)
      }
      out.append(c)
      i += 1
    }
    throw Failure(
      message: "field `\(field)` starting at line \(line(at: begin)) is never closed (an unbalanced brace?)",
      offset: i, resume: s.count)
  }

  /// Skips a balanced `@comment{…}` / `@preamble{…}` body.
  private mutating func skipBody(close: Unicode.Scalar, start: Int) throws {
    var depth = 0
    while i < s.count {
      let c = s[i]
      i += 1
      if c == "{" {
        depth += 1
      } else if c == "}" && depth > 0 {
        depth -= 1
      } else if c == close && depth == 0 {
        return
      }
    }
    throw Failure(message: "@comment or @preamble is never closed", offset: s.count, resume: s.count)
  }

  private mutating func readIdentifier() -> String {
    var out = String.UnicodeScalarView()
    while i < s.count, isNameCharacter(s[i]) {
      out.append(s[i])
      i += 1
    }
    return String(out)
  }

  /// A bare value word (number or macro name).
  private mutating func readWord(close: Unicode.Scalar) -> String {
    var out = String.UnicodeScalarView()
    while i < s.count, s[i] != ",", s[i] != close, s[i] != "#", s[i] != "{", s[i] != "\"",
      !Self.isSpace(s[i])
    {
      out.append(s[i])
      i += 1
    }
    return String(out)
  }

  private func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
    if Self.isSpace(c) { return false }
    return !"{}(),=#\"@%'~\\".unicodeScalars.contains(c)
  }

  private mutating func skipSpace() {
    while i < s.count, Self.isSpace(s[i]) { i += 1 }
  }

  /// Whether only white space stands between the previous line end and `offset`.
  private func atLineStart(_ offset: Int) -> Bool {
    var k = offset - 1
    while k >= 0 {
      if s[k] == "\n" || s[k] == "\r" { return true }
      if !Self.isSpace(s[k]) { return false }
      k -= 1
    }
    return true
  }

  /// `@word{` or `@word(` at `offset`.
  private func looksLikeEntry(at offset: Int) -> Bool {
    var k = offset + 1
    var letters = 0
    while k < s.count, ("a"..."z").contains(s[k]) || ("A"..."Z").contains(s[k]) {
      k += 1
      letters += 1
    }
    while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
    return letters > 0 && k < s.count && (s[k] == "{" || s[k] == "(")
  }

  /// The next `@entry{` at a line start after `offset`.
  private func nextEntryStart(from offset: Int) -> Int? {
    var k = max(offset + 1, 0)
    while k < s.count {
      if s[k] == "@", atLineStart(k), looksLikeEntry(at: k) { return k }
      k += 1
    }
    return nil
  }

  /// A short piece of the text at `offset`, for messages.
  private func snippet(at offset: Int) -> String {
    var out = String.UnicodeScalarView()
    var k = offset
    while k < s.count, out.count < 20, s[k] != "\n", s[k] != "\r" {
      out.append(s[k])
      k += 1
    }
    return String(out)
  }

  /// White space, with a fast path for ASCII.
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
    return c.properties.isWhitespace
  }
}
