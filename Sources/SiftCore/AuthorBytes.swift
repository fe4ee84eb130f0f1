/// ``Author/parse(_:)`` on UTF-8 bytes, for names whose scalars are all below U+0300 (ASCII, Latin-1 and Latin
/// Extended-A/B). Among those scalars no grapheme cluster joins two of them except CR LF, so a byte-level split
/// gives the same result as the Character-based one.
enum AuthorBytes {
  /// The author, or nil when the name holds a scalar from U+0300 on (the caller then splits Characters).
  static func parse(_ b: UnsafeBufferPointer<UInt8>, raw: String) -> Author? {
    let n = b.count
    // Lead bytes from 0xCC on start scalars from U+0300 on.
    for i in 0..<n where b[i] >= 0xCC { return nil }
    let (s, e) = trim(b, 0, n)
    let text = (s == 0 && e == n) ? raw : string(b, s, e)
    var comma = s
    while comma < e, b[comma] != 0x2C { comma += 1 }
    if comma < e {
      let (fs, fe) = trim(b, s, comma)
      let (gs, ge) = trim(b, comma + 1, e)
      return Author(asWritten: text, family: string(b, fs, fe), given: gs == ge ? nil : string(b, gs, ge))
    }
    // Words split at single spaces (U+0020), empty ones dropped, as `split(separator: " ")`.
    var words: [Range<Int>] = []
    var i = s
    while i < e {
      while i < e, b[i] == 0x20 { i += 1 }
      let start = i
      while i < e, b[i] != 0x20 { i += 1 }
      if i > start { words.append(start..<i) }
    }
    guard words.count > 1, let last = words.last else {
      return Author(asWritten: text, family: text, given: nil)
    }
    // MEDLINE style "Andersson G" / "Bergman Nordgren L": trailing all-caps initials.
    if isInitials(b, last) {
      return Author(asWritten: text, family: joined(b, words, 0, words.count - 1), given: string(b, last))
    }
    // "Given [particles] Family": lower-case particles (van, von, de, ten…) belong to the family name.
    var familyStart = words.count - 1
    while familyStart > 1, isParticle(b, words[familyStart - 1]) { familyStart -= 1 }
    return Author(
      asWritten: text, family: joined(b, words, familyStart, words.count),
      given: joined(b, words, 0, familyStart))
  }

  /// Whether the word is at most three Characters, each upper case, `.` or `-`.
  private static func isInitials(_ b: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    var count = 0
    var i = word.lowerBound
    while i < word.upperBound {
      let b0 = b[i]
      count += 1
      if count > 3 { return false }
      if b0 < 0x80 {
        guard (b0 >= 0x41 && b0 <= 0x5A) || b0 == 0x2E || b0 == 0x2D else { return false }
        i += 1
      } else {
        // Two-byte scalar (U+0080–U+02FF): Character's own upper-case test, so the result matches exactly.
        guard i + 1 < word.upperBound else { return false }
        let value = UInt32(b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        guard let scalar = Unicode.Scalar(value), Character(scalar).isUppercase else { return false }
        i += 2
      }
    }
    return true
  }

  private static func isParticle(_ b: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    guard word.count <= 5 else { return false }
    var key = word.count << 48
    for i in word { key |= Int(b[i]) << (8 * (i - word.lowerBound)) }
    return particleKeys.contains(key)
  }

  /// ``Author/particles`` as integers of their (at most five) ASCII bytes and their length.
  private static let particleKeys: Set<Int> = Set(
    Author.particles.map { name in
      var key = name.utf8.count << 48
      for (k, byte) in name.utf8.enumerated() { key |= Int(byte) << (8 * k) }
      return key
    })

  /// Words `from..<to` joined with single spaces (a slice of the name when they already are).
  private static func joined(_ b: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>], _ from: Int, _ to: Int) -> String {
    guard from < to else { return "" }
    var single = true
    for k in from..<(to - 1) where words[k + 1].lowerBound != words[k].upperBound + 1 { single = false }
    if single { return string(b, words[from].lowerBound, words[to - 1].upperBound) }
    var bytes: [UInt8] = []
    for k in from..<to {
      if k > from { bytes.append(0x20) }
      bytes += b[words[k]]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `s..<e` without whitespace (U+0009–U+000D, U+0020, U+0085, U+00A0) at either end.
  @inline(__always)
  static func trim(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
    var s = start
    var e = end
    while s < e {
      let c = b[s]
      if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
        s += 1
      } else if c == 0xC2, s + 1 < e, b[s + 1] == 0x85 || b[s + 1] == 0xA0 {
        s += 2
      } else {
        break
      }
    }
    while e > s {
      let c = b[e - 1]
      if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
        e -= 1
      } else if e - 2 >= s, b[e - 2] == 0xC2, c == 0x85 || c == 0xA0 {
        e -= 2
      } else {
        break
      }
    }
    return (s, e)
  }

  @inline(__always)
  static func string(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
  }

  @inline(__always)
  static func string(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
    string(b, r.lowerBound, r.upperBound)
  }
}
