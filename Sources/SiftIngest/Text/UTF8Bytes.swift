/// Byte-level UTF-8 checks and the Windows-1252 fallback (for bytes that are not UTF-8) used by ``LineReader``.
enum UTF8Bytes {
  /// The string of bytes known to be valid UTF-8 (``LineReader`` checked them), copied once into its storage: the
  /// same string as `String(decoding:as:)` without validating the bytes again (`UTF8Span(unchecked:)`). A string
  /// longer than 15 bytes is checked for ASCII first, so that its storage is flagged ASCII as `String(decoding:)`
  /// flags it (later comparisons and hashing take their ASCII fast paths); a shorter one is stored inline.
  @inline(__always)
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard !bytes.isEmpty else { return "" }
    var span = UTF8Span(unchecked: bytes.span)
    if bytes.count > 15 { _ = span.checkForASCII() }
    return String(copying: span)
  }

  /// Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    while i < n {
      // ASCII fast path, 64 bytes at a time (in vector registers), then eight.
      while i + 64 <= n {
        let p = UnsafeRawPointer(base + i)
        let vector =
          p.loadUnaligned(as: SIMD16<UInt8>.self) | p.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
          | p.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self)
          | p.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
        let words = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        if (words[0] | words[1]) & 0x8080_8080_8080_8080 != 0 { break }
        i += 64
      }
      while i + 8 <= n {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
      }
      guard i < n else { return true }
      let length = sequenceLength(base, i, n)
      guard length > 0 else { return false }
      i += length
    }
    return true
  }

  /// Length of the well-formed UTF-8 sequence at `base[i]` (1–4), or 0 when the bytes there are not one.
  @inline(__always)
  static func sequenceLength(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
    let b0 = base[i]
    if b0 < 0x80 { return 1 }
    if b0 >= 0xC2, b0 <= 0xDF {
      return i + 1 < n && base[i + 1] & 0xC0 == 0x80 ? 2 : 0
    }
    if b0 >= 0xE0, b0 <= 0xEF {
      guard i + 2 < n else { return 0 }
      let b1 = base[i + 1]
      guard b1 & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return 0 }
      if b0 == 0xE0, b1 < 0xA0 { return 0 }
      if b0 == 0xED, b1 > 0x9F { return 0 }
      return 3
    }
    if b0 >= 0xF0, b0 <= 0xF4 {
      guard i + 3 < n else { return 0 }
      let b1 = base[i + 1]
      guard b1 & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80, base[i + 3] & 0xC0 == 0x80 else { return 0 }
      if b0 == 0xF0, b1 < 0x90 { return 0 }
      if b0 == 0xF4, b1 > 0x8F { return 0 }
      return 4
    }
    return 0
  }

  /// Appends a line that is not valid UTF-8 as UTF-8: its well-formed UTF-8 sequences as they are, every other byte
  /// decoded as Windows-1252 (so a UTF-8 `é` survives next to a Windows-1252 byte 0xE9).
  static func appendRepairingAsWindows1252(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    guard let base = bytes.baseAddress else { return }
    out.reserveCapacity(out.count + bytes.count * 2)
    let n = bytes.count
    var i = 0
    while i < n {
      let length = sequenceLength(base, i, n)
      if length > 0 {
        out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
        i += length
      } else {
        appendWindows1252(UnsafeBufferPointer(start: base + i, count: 1), to: &out)
        i += 1
      }
    }
  }

  /// Unicode scalars of Windows-1252 bytes 0x80...0x9F (undefined bytes map to the C1 control of the same value).
  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Transcodes Windows-1252 bytes to UTF-8, appending to `out`.
  static func appendWindows1252(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.reserveCapacity(out.count + bytes.count * 2)
    for b in bytes {
      let scalar: UInt32 = (b >= 0x80 && b <= 0x9F) ? cp1252High[Int(b) - 0x80] : UInt32(b)
      appendScalar(scalar, to: &out)
    }
  }

  /// Appends one Unicode scalar as UTF-8.
  @inline(__always)
  static func appendScalar(_ s: UInt32, to out: inout [UInt8]) {
    switch s {
    case 0..<0x80:
      out.append(UInt8(s))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (s >> 6)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (s >> 12)))
      out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (s >> 18)))
      out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    }
  }

  /// Number of UTF-16 code units the UTF-8 bytes encode (for byte offsets in UTF-16 files).
  static func utf16Count(_ bytes: some Sequence<UInt8>) -> Int {
    var n = 0
    for b in bytes where b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
    return n
  }
}
