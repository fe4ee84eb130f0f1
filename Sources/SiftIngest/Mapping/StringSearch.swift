import SiftCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum ByteSearch {
  /// Whether `needle` occurs in `hay`.
  static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = needle.count
    guard n > 0 else { return true }
    guard let h = hay.baseAddress, let p = needle.baseAddress, hay.count >= n else { return false }
    var start = h
    var remaining = hay.count
    while remaining >= n, let hit = memchr(start, Int32(p.pointee), remaining - n + 1) {
      let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(at, p, n) == 0 { return true }
      remaining -= (at - start) + 1
      start = at + 1
    }
    return false
  }

  /// Whether two strings have the same UTF-8 bytes (`==` compares canonical equivalence instead).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var x = a
    var y = b
    return x.withUTF8 { p in
      y.withUTF8 { q in
        guard let pa = p.baseAddress, let qa = q.baseAddress else { return p.count == q.count }
        return memcmp(pa, qa, p.count) == 0
      }
    }
  }

  /// ASCII lower case of a byte (other bytes unchanged).
  @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  /// Whether `needle` (lower-case ASCII) occurs in `hay` compared ASCII case-insensitively.
  static func containsFoldingASCII(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = needle.count
    guard n > 0 else { return true }
    guard hay.count >= n else { return false }
    let first = needle[0]
    var i = 0
    let last = hay.count - n
    while i <= last {
      if lower(hay[i]) == first {
        var j = 1
        while j < n, lower(hay[i + j]) == needle[j] { j += 1 }
        if j == n { return true }
      }
      i += 1
    }
    return false
  }

  /// Whether `a` equals `needle` (lower-case ASCII) compared ASCII case-insensitively.
  static func equalFoldingASCII(_ a: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == needle.count else { return false }
    for i in 0..<a.count where lower(a[i]) != needle[i] { return false }
    return true
  }
}

extension String {
  /// Whether the UTF-8 bytes contain `byte` (also fast for small strings, which have no contiguous UTF-8 view).
  public func containsByte(_ byte: UInt8) -> Bool {
    var text = self
    return text.withUTF8 { b in
      guard let base = b.baseAddress else { return false }
      return memchr(base, Int32(byte), b.count) != nil
    }
  }
}

extension StringProtocol {
  /// Whether `needle` occurs in the string, compared byte for byte in UTF-8 (fast; no Foundation, no locale).
  public func hasSubstring(_ needle: String) -> Bool {
    var text = String(self)
    var pattern = needle
    return text.withUTF8 { hay in pattern.withUTF8 { ByteSearch.contains(hay, $0) } }
  }

  /// Whether the UTF-8 bytes contain `byte`.
  public func containsByte(_ byte: UInt8) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ hay -> Bool in
      guard let h = hay.baseAddress else { return false }
      return memchr(h, Int32(byte), hay.count) != nil
    }) {
      return found
    }
    return utf8.contains(byte)
  }
}

/// A tag as a number (its first four ASCII bytes), so readers switch on integers rather than strings.
public enum TagCode {
  /// `TY`, the RIS record start.
  public static var ty: UInt32 { 0x5459 }
  /// `ER`, the RIS record end.
  public static var er: UInt32 { 0x4552 }

  /// The code of a tag such as `TY`, `PMID` or `AU` (``Field/code(of:)``).
  @inline(__always)
  public static func of(_ tag: String) -> UInt32 { Field.code(of: tag) }
}
