import Foundation

/// Normalisation of record identifiers.
public enum Identifier {
  /// Lower-cases a DOI and strips `https://doi.org/`, `http://dx.doi.org/`, `doi:` prefixes and surrounding junk.
  /// Returns nil when no `10.` DOI is present.
  public static func normalizeDOI(_ raw: String) -> String? {
    var text = raw
    // ASCII values (nearly all) are handled on bytes; others on Characters. Both give the same result.
    switch text.withUTF8({ normalizeASCII($0, raw: raw) }) {
    case .done(let doi): return doi
    case .notASCII: return normalizeDOICharacters(raw)
    }
  }

  /// ``normalizeDOI(_:)`` on Characters, for values with non-ASCII text.
  static func normalizeDOICharacters(_ raw: String) -> String? {
    var s = raw.trimmingSpaces.lowercased()
    guard let range = s.range(of: "10.") else { return nil }
    s = String(s[range.lowerBound...])
    // A DOI ends at whitespace; trailing punctuation from prose is dropped.
    if let ws = s.firstIndex(where: { $0.isWhitespace }) { s = String(s[..<ws]) }
    while let last = s.last, ".,;)]>\"'".contains(last) { s.removeLast() }
    guard s.contains("/"), s.count > 4 else { return nil }
    return s
  }

  private enum ASCIIOutcome {
    case done(String?)
    case notASCII
  }

  /// The DOI of an ASCII value, or `.notASCII`. In ASCII every Character is one byte except CR LF, which is
  /// whitespace and ends the DOI anyway.
  private static func normalizeASCII(_ b: UnsafeBufferPointer<UInt8>, raw: String) -> ASCIIOutcome {
    let n = b.count
    for i in 0..<n where b[i] >= 0x80 { return .notASCII }
    @inline(__always) func isTrailingJunk(_ c: UInt8) -> Bool {
      switch c {
      case 0x2E, 0x2C, 0x3B, 0x29, 0x5D, 0x3E, 0x22, 0x27: true  // . , ; ) ] > " '
      default: false
      }
    }
    @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    // The first `10.`.
    var start = 0
    while start + 2 < n, !(b[start] == 0x31 && b[start + 1] == 0x30 && b[start + 2] == 0x2E) { start += 1 }
    guard start + 2 < n else { return .done(nil) }
    // It ends at whitespace; trailing punctuation from prose is dropped.
    var end = start
    while end < n, !isSpace(b[end]) { end += 1 }
    while end > start, isTrailingJunk(b[end - 1]) { end -= 1 }
    guard end - start > 4 else { return .done(nil) }
    var slash = false
    var upper = false
    for i in start..<end {
      if b[i] == 0x2F { slash = true }
      if b[i] >= 0x41 && b[i] <= 0x5A { upper = true }
    }
    guard slash else { return .done(nil) }
    if !upper, start == 0, end == n { return .done(raw) }
    let slice = UnsafeBufferPointer(rebasing: b[start..<end])
    if !upper { return .done(String(decoding: slice, as: UTF8.self)) }
    return .done(
      String(unsafeUninitializedCapacity: slice.count) { out in
        for (k, c) in slice.enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        return slice.count
      })
  }
}
