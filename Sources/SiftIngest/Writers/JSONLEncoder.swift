import SiftCore

/// JSON lines: one JSON object per record (the ``Record`` model, keys sorted, absent values left out), one per line.
///
/// Written byte by byte, exactly as Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes
/// the synthesised `Codable` form of ``Record`` (`"` and `\` escaped, `\b \f \n \r \t` short, other control
/// characters as `\u00XX` in lower-case hex, everything else as UTF-8), only much faster.
struct JSONLEncoder: RecordEncoder {
  var header: String { "" }
  /// Whether `/` is written `\/` (`JSONEncoder` without `.withoutEscapingSlashes`, as the project store has it).
  var escapeSlashes = false

  mutating func encode(_ record: Record, into out: inout [UInt8]) {
    appendObject(record, to: &out)
    out.append(UInt8(ascii: "\n"))
  }

  /// Appends the record's JSON object (no line end).
  func appendObject(_ record: Record, to out: inout [UInt8]) {
    var object = JSONObjectWriter(&out, escapeSlashes: escapeSlashes)
    object.string("abstract", record.abstract, into: &out)
    object.string("accession", record.accession, into: &out)
    object.key("authors", into: &out)
    Self.array(record.authors, into: &out) { author, out in
      var inner = JSONObjectWriter(&out, escapeSlashes: escapeSlashes)
      inner.string("asWritten", author.asWritten, into: &out)
      inner.string("family", author.family, into: &out)
      inner.string("given", author.given, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    object.string("database", record.database, into: &out)
    object.string("doi", record.doi, into: &out)
    object.key("fields", into: &out)
    Self.array(record.fields, into: &out) { field, out in
      var inner = JSONObjectWriter(&out, escapeSlashes: escapeSlashes)
      inner.string("tag", field.tag, into: &out)
      inner.string("value", field.value, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    object.strings("isbn", record.isbn, into: &out)
    object.strings("issn", record.issn, into: &out)
    object.string("issue", record.issue, into: &out)
    object.strings("keywords", record.keywords, into: &out)
    object.string("language", record.language, into: &out)
    object.string("pages", record.pages, into: &out)
    object.string("pmid", record.pmid, into: &out)
    object.key("provenance", into: &out)
    var provenance = JSONObjectWriter(&out, escapeSlashes: escapeSlashes)
    let source = record.provenance
    provenance.integer("byteOffset", source.byteOffset, into: &out)
    provenance.string("file", source.file, into: &out)
    provenance.string("format", source.format?.rawValue, into: &out)
    provenance.integer("index", source.index, into: &out)
    provenance.integer("line", source.line, into: &out)
    out.append(UInt8(ascii: "}"))
    object.strings("publicationTypes", record.publicationTypes, into: &out)
    object.string("sourceTitle", record.sourceTitle, into: &out)
    object.string("title", record.title, into: &out)
    object.string("type", record.type, into: &out)
    object.strings("urls", record.urls, into: &out)
    object.string("volume", record.volume, into: &out)
    object.integer("year", record.year, into: &out)
    out.append(UInt8(ascii: "}"))
  }

  private static func array<T>(_ items: [T], into out: inout [UInt8], _ element: (T, inout [UInt8]) -> Void) {
    out.append(UInt8(ascii: "["))
    for (i, item) in items.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      element(item, &out)
    }
    out.append(UInt8(ascii: "]"))
  }

  /// Appends `text` as a JSON string literal (quotes included).
  static func appendString(_ text: String, to out: inout [UInt8], escapeSlashes: Bool = false) {
    out.append(UInt8(ascii: "\""))
    var text = text
    let slash: UInt8 = escapeSlashes ? UInt8(ascii: "/") : UInt8(ascii: "\"")
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      let n = bytes.count
      var runStart = 0
      var i = 0
      while i < n {
        // Eight bytes at a time while none of them needs escaping (the usual case), then those eight one by one.
        while i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), slash: slash) {
          i += 8
        }
        let stop = min(i + 8, n)
        while i < stop {
          let byte = base[i]
          if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == slash {
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            runStart = i + 1
            appendEscape(byte, to: &out)
          }
          i += 1
        }
      }
      if runStart < n { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether one of the eight bytes may need escaping: a control character, `"`, `\\` or `slash` (exact when
  /// false; a true is checked byte by byte).
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64, slash: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let slashes = word ^ (ones &* UInt64(slash))
    // A byte below 0x20, or a byte equal to one of the three (a zero byte after the XOR).
    let control = word &- ones &* 0x20
    let zero = (quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (slashes &- ones) & ~slashes
    return (control | zero) & ~word & highs != 0
  }

  /// Appends the escape sequence of a byte that needs one (after its backslash).
  private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
    case 0x08: out.append(UInt8(ascii: "b"))
    case 0x0C: out.append(UInt8(ascii: "f"))
    case 0x0A: out.append(UInt8(ascii: "n"))
    case 0x0D: out.append(UInt8(ascii: "r"))
    case 0x09: out.append(UInt8(ascii: "t"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0F)])
    }
  }

  /// Appends a decimal integer.
  static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if value >= 0 && value < 10 {
      out.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    out.append(contentsOf: String(value).utf8)
  }
}

/// Writes the members of one JSON object; the caller appends the closing brace.
private struct JSONObjectWriter {
  private var first = true
  private let escapeSlashes: Bool

  init(_ out: inout [UInt8], escapeSlashes: Bool) {
    self.escapeSlashes = escapeSlashes
    out.append(UInt8(ascii: "{"))
  }

  mutating func key(_ name: StaticString, into out: inout [UInt8]) {
    if !first { out.append(UInt8(ascii: ",")) }
    first = false
    out.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { out.append(contentsOf: $0) }
    out.append(UInt8(ascii: "\""))
    out.append(UInt8(ascii: ":"))
  }

  mutating func string(_ name: StaticString, _ value: String?, into out: inout [UInt8]) {
    guard let value else { return }
    key(name, into: &out)
    JSONLEncoder.appendString(value, to: &out, escapeSlashes: escapeSlashes)
  }

  mutating func strings(_ name: StaticString, _ values: [String], into out: inout [UInt8]) {
    key(name, into: &out)
    out.append(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      JSONLEncoder.appendString(value, to: &out, escapeSlashes: escapeSlashes)
    }
    out.append(UInt8(ascii: "]"))
  }

  mutating func integer(_ name: StaticString, _ value: Int?, into out: inout [UInt8]) {
    guard let value else { return }
    key(name, into: &out)
    JSONLEncoder.appendInteger(value, to: &out)
  }
}

/// A record's JSON as the project store keeps it.
public enum StoredRecordJSON {
  /// Exactly what Foundation's `JSONEncoder` with `.sortedKeys` writes for the synthesised `Codable` form of the
  /// record (so `/` is written `\/`), made byte by byte and several times faster.
  public static func encode(_ record: Record) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    JSONLEncoder(escapeSlashes: true).appendObject(record, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
