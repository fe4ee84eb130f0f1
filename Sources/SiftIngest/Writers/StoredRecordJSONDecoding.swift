import SiftCore

extension StoredRecordJSON {
  /// The record in `json` as the store keeps it (see ``encode(_:)``), read byte by byte; the same record
  /// Foundation's `JSONDecoder` gives (`withFields: false` leaves ``SiftCore/Record/fields`` empty, for readers that
  /// need only the normalised values). Nil when the text is not in that shape (an unknown or missing key, a number
  /// that is not an integer, an escape this reader does not take): the caller then decodes it with `JSONDecoder`,
  /// which also explains what is wrong.
  public static func decode(_ json: String, withFields: Bool = true) -> Record? {
    var text = json
    return text.withUTF8 { bytes in
      var reader = JSONBytes(bytes)
      reader.skipFields = !withFields
      guard let record = reader.record(), reader.atEnd() else { return nil }
      return record
    }
  }
}

/// A cursor over JSON text for the shapes of ``SiftCore/Record``; every method returns nil on anything else.
private struct JSONBytes {
  let b: UnsafeBufferPointer<UInt8>
  var i = 0
  /// Whether the record's verbatim fields are passed over (checked, not kept).
  var skipFields = false
  /// False while passing over: strings without escapes are checked but not made.
  var keepStrings = true

  init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

  mutating func skipSpace() {
    while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
  }

  mutating func atEnd() -> Bool {
    skipSpace()
    return i == b.count
  }

  mutating func take(_ c: UInt8) -> Bool {
    skipSpace()
    guard i < b.count, b[i] == c else { return false }
    i += 1
    return true
  }

  /// `null`, consumed when it is next.
  mutating func null() -> Bool {
    skipSpace()
    guard i + 4 <= b.count, b[i] == 0x6E, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C else { return false }
    i += 4
    return true
  }

  /// The members of an object: `member` is called with each key's bytes and reads the value.
  mutating func object(_ member: (inout JSONBytes, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    guard take(0x7B) else { return false }
    if take(0x7D) { return true }
    repeat {
      guard let key = rawKey(), take(0x3A), member(&self, key) else { return false }
    } while take(0x2C)
    return take(0x7D)
  }

  /// The elements of an array, each read by `element`.
  mutating func array(_ element: (inout JSONBytes) -> Bool) -> Bool {
    guard take(0x5B) else { return false }
    if take(0x5D) { return true }
    repeat {
      guard element(&self) else { return false }
    } while take(0x2C)
    return take(0x5D)
  }

  /// A key without escapes, as bytes.
  mutating func rawKey() -> UnsafeBufferPointer<UInt8>? {
    guard take(0x22) else { return nil }
    let start = i
    while i < b.count, b[i] != 0x22 {
      if b[i] == 0x5C { return nil }
      i += 1
    }
    guard i < b.count else { return nil }
    i += 1
    return UnsafeBufferPointer(rebasing: b[start..<(i - 1)])
  }

  mutating func string() -> String? {
    guard take(0x22) else { return nil }
    let start = i
    skipPlainText()
    guard i < b.count else { return nil }
    if b[i] == 0x22 {
      i += 1
      return keepStrings ? UTF8Bytes.string(UnsafeBufferPointer(rebasing: b[start..<(i - 1)])) : ""
    }
    // Escapes: decode into bytes.
    var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
    while i < b.count {
      let c = b[i]
      if c == 0x22 {
        i += 1
        return String(validating: out, as: UTF8.self)
      }
      if c < 0x20 { return nil }
      if c != 0x5C {
        out.append(c)
        i += 1
        continue
      }
      guard i + 1 < b.count else { return nil }
      let e = b[i + 1]
      i += 2
      switch e {
      case 0x22, 0x5C, 0x2F: out.append(e)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        guard let unit = hex4() else { return nil }
        var scalar = UInt32(unit)
        if unit >= 0xD800, unit <= 0xDBFF {
          // A surrogate pair: the low half must follow.
          guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
          i += 2
          guard let low = hex4(), low >= 0xDC00, low <= 0xDFFF else { return nil }
          scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if unit >= 0xDC00, unit <= 0xDFFF {
          return nil
        }
        UTF8Bytes.appendScalar(scalar, to: &out)
      default: return nil
      }
    }
    return nil
  }

  /// Moves `i` to the next `"`, `\` or control byte (or the end): eight bytes at a time while none is in them.
  mutating func skipPlainText() {
    if let base = b.baseAddress {
      while i + 8 <= b.count {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = x ^ (ones &* 0x22)
        let backslash = x ^ (ones &* 0x5C)
        let found =
          ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- ones &* 0x20) & ~x)
        if found & high != 0 { break }
        i += 8
      }
    }
    while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
  }

  mutating func hex4() -> UInt16? {
    guard i + 4 <= b.count else { return nil }
    var value: UInt16 = 0
    for k in 0..<4 {
      let c = b[i + k]
      let digit: UInt8
      switch c {
      case 0x30...0x39: digit = c - 0x30
      case 0x41...0x46: digit = c - 0x41 + 10
      case 0x61...0x66: digit = c - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt16(digit)
    }
    i += 4
    return value
  }

  /// An integer (no fraction, no exponent) that fits `Int`.
  mutating func integer() -> Int? {
    skipSpace()
    var negative = false
    if i < b.count, b[i] == 0x2D {
      negative = true
      i += 1
    }
    let start = i
    var value = 0
    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(b[i] - 0x30))
      guard !overflow1, !overflow2 else { return nil }
      value = sum
      i += 1
    }
    guard i > start else { return nil }
    if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { return nil }
    return negative ? -value : value
  }

  mutating func optionalString() -> String?? {
    if null() { return .some(nil) }
    guard let value = string() else { return nil }
    return .some(value)
  }

  mutating func optionalInteger() -> Int?? {
    if null() { return .some(nil) }
    guard let value = integer() else { return nil }
    return .some(value)
  }

  mutating func strings() -> [String]? {
    var values: [String] = []
    let ok = array { reader in
      guard let value = reader.string() else { return false }
      values.append(value)
      return true
    }
    return ok ? values : nil
  }

  static func same(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    guard key.count == name.utf8CodeUnitCount else { return false }
    let p = name.utf8Start
    for k in 0..<key.count where key[k] != p[k] { return false }
    return true
  }

  mutating func record() -> Record? {
    var r = Record()
    // Keys `Record`'s synthesised `Decodable` requires.
    var seen = (authors: false, fields: false, isbn: false, issn: false, keywords: false, types: false, urls: false)
    var provenanceSeen = false
    let ok = object { reader, key in
      func text(_ slot: inout String?) -> Bool {
        guard let value = reader.optionalString() else { return false }
        slot = value
        return true
      }
      func list(_ slot: inout [String], _ flag: inout Bool) -> Bool {
        guard let values = reader.strings() else { return false }
        slot = values
        flag = true
        return true
      }
      if Self.same(key, "abstract") { return text(&r.abstract) }
      if Self.same(key, "accession") { return text(&r.accession) }
      if Self.same(key, "authors") {
        seen.authors = true
        r.authors = []
        return reader.array { inner in
          guard let author = inner.author() else { return false }
          r.authors.append(author)
          return true
        }
      }
      if Self.same(key, "database") { return text(&r.database) }
      if Self.same(key, "doi") { return text(&r.doi) }
      if Self.same(key, "fields") {
        seen.fields = true
        r.fields = []
        let keep = !reader.skipFields
        reader.keepStrings = keep
        defer { reader.keepStrings = true }
        return reader.array { inner in
          guard let field = inner.field() else { return false }
          if keep { r.fields.append(field) }
          return true
        }
      }
      if Self.same(key, "isbn") { return list(&r.isbn, &seen.isbn) }
      if Self.same(key, "issn") { return list(&r.issn, &seen.issn) }
      if Self.same(key, "issue") { return text(&r.issue) }
      if Self.same(key, "keywords") { return list(&r.keywords, &seen.keywords) }
      if Self.same(key, "language") { return text(&r.language) }
      if Self.same(key, "pages") { return text(&r.pages) }
      if Self.same(key, "pmid") { return text(&r.pmid) }
      if Self.same(key, "provenance") {
        guard let provenance = reader.provenance() else { return false }
        r.provenance = provenance
        provenanceSeen = true
        return true
      }
      if Self.same(key, "publicationTypes") { return list(&r.publicationTypes, &seen.types) }
      if Self.same(key, "sourceTitle") { return text(&r.sourceTitle) }
      if Self.same(key, "title") { return text(&r.title) }
      if Self.same(key, "type") { return text(&r.type) }
      if Self.same(key, "urls") { return list(&r.urls, &seen.urls) }
      if Self.same(key, "volume") { return text(&r.volume) }
      if Self.same(key, "year") {
        guard let year = reader.optionalInteger() else { return false }
        r.year = year
        return true
      }
      return false  // a key Record does not have: JSONDecoder decides
    }
    guard ok, seen.authors, seen.fields, seen.isbn, seen.issn, seen.keywords, seen.types, seen.urls, provenanceSeen
    else { return nil }
    return r
  }

  mutating func author() -> Author? {
    var asWritten: String?
    var family: String?
    var given: String?
    let ok = object { reader, key in
      if Self.same(key, "asWritten") {
        asWritten = reader.string()
        return asWritten != nil
      }
      if Self.same(key, "family") {
        family = reader.string()
        return family != nil
      }
      if Self.same(key, "given") {
        guard let value = reader.optionalString() else { return false }
        given = value
        return true
      }
      return false
    }
    guard ok, let asWritten, let family else { return nil }
    return Author(asWritten: asWritten, family: family, given: given)
  }

  mutating func field() -> Field? {
    var tag: String?
    var value: String?
    let ok = object { reader, key in
      if Self.same(key, "tag") {
        tag = reader.string()
        return tag != nil
      }
      if Self.same(key, "value") {
        value = reader.string()
        return value != nil
      }
      return false
    }
    guard ok, let tag, let value else { return nil }
    return Field(tag, value)
  }

  mutating func provenance() -> Provenance? {
    var file: String?
    var format: Format?
    var index: Int?
    var line: Int?
    var byteOffset: Int?
    let ok = object { reader, key in
      if Self.same(key, "byteOffset") {
        guard let value = reader.optionalInteger() else { return false }
        byteOffset = value
        return true
      }
      if Self.same(key, "file") {
        file = reader.string()
        return file != nil
      }
      if Self.same(key, "format") {
        guard let raw = reader.optionalString() else { return false }
        guard let raw else {
          format = nil
          return true
        }
        format = Format(rawValue: raw)
        return format != nil
      }
      if Self.same(key, "index") {
        index = reader.integer()
        return index != nil
      }
      if Self.same(key, "line") {
        guard let value = reader.optionalInteger() else { return false }
        line = value
        return true
      }
      return false
    }
    guard ok, let file, let index else { return nil }
    return Provenance(file: file, format: format, index: index, line: line, byteOffset: byteOffset)
  }
}
