import SiftCore

/// Small text helpers shared by the structured readers (XML, BibTeX).
enum FieldText {
  /// Runs of white space (spaces, tabs, line ends, and every other Unicode `White_Space` character) collapsed to
  /// one space, and trimmed. Works on the UTF-8 bytes; text that needs no change is returned as it is.
  static func collapse(_ text: String) -> String {
    var text = text
    if text.withUTF8(isCollapsed) { return text }
    return text.withUTF8 { collapse($0) }
  }

  /// Whether ``collapse(_:)`` would leave `bytes` as they are: not empty, no leading, trailing or double space, no
  /// other ASCII control or white space byte, and no lead byte of a Unicode space (0xC2, 0xE1, 0xE2, 0xE3). May say
  /// false for text that needs no change (then collapsing copies it). Reads eight bytes at a time.
  static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20
    else { return false }
    let count = bytes.count
    let raw = UnsafeRawPointer(base)
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let spaces: UInt64 = 0x2020_2020_2020_2020
    var previousSpace: UInt64 = 0  // the top bit set when the previous word ended with a space
    var i = 0
    while i + 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      if word & highs != 0 {
        for j in i..<(i + 8) {
          let byte = bytes[j]
          if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return false }
        }
      }
      // Any ASCII byte below 0x20 (tab, line ends, other controls).
      if (word &- spaces) & ~word & highs != 0 { return false }
      // The top bit of each byte that is a space, exactly.
      let y = word ^ spaces
      let isSpace = ~(((y & lows) &+ lows) | y | lows)
      if isSpace & (isSpace << 8) != 0 || (previousSpace >> 56) & isSpace != 0 { return false }
      previousSpace = isSpace & 0x8000_0000_0000_0000
      i += 8
    }
    var previous = previousSpace != 0
    while i < count {
      let byte = bytes[i]
      if byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return false }
      let space = byte == 0x20
      if space && previous { return false }
      previous = space
      i += 1
    }
    return true
  }

  /// ``collapse(_:)`` of UTF-8 bytes (valid UTF-8).
  static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { out in
      var count = 0
      var pendingSpace = false
      var i = 0
      let end = bytes.count
      while i < end {
        let width = spaceWidth(bytes, at: i)
        if width > 0 {
          pendingSpace = count > 0
          i += width
          continue
        }
        if pendingSpace {
          out[count] = 0x20
          count += 1
          pendingSpace = false
        }
        out[count] = bytes[i]
        count += 1
        i += 1
      }
      return count
    }
  }

  /// The byte length of the Unicode `White_Space` character starting at `i` (U+0009–U+000D, U+0020, U+0085,
  /// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0 when none starts there.
  @inline(__always)
  static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let byte = bytes[i]
    if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
    switch byte {
    case 0xC2:
      guard i + 1 < bytes.count else { return 0 }
      return bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 ? 2 : 0
    case 0xE1:
      guard i + 2 < bytes.count else { return 0 }
      return bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
    case 0xE2:
      guard i + 2 < bytes.count else { return 0 }
      let b1 = bytes[i + 1]
      let b2 = bytes[i + 2]
      if b1 == 0x80 { return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }
      return b1 == 0x81 && b2 == 0x9F ? 3 : 0
    case 0xE3:
      guard i + 2 < bytes.count else { return 0 }
      return bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
    default:
      return 0
    }
  }

  /// `text.trimmingSpaces`, without copying text that starts and ends with a visible ASCII character.
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
      return text
    }
    return text.trimmingSpaces
  }

  /// The collapsed text, or nil when it is empty.
  static func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    let collapsed = collapse(text)
    return collapsed.isEmpty ? nil : collapsed
  }

  /// The first publication year in `text`: a run of exactly four ASCII digits in 1000–2999 (`2015 Mar 3`,
  /// `1998 Dec-1999 Jan`, `2012///`). Longer digit runs are skipped whole, so no input can overflow.
  static func year(_ text: String) -> Int? {
    var run = 0
    var value = 0
    for byte in text.utf8 {
      if byte >= 0x30, byte <= 0x39 {
        run += 1
        if run <= 4 { value = value * 10 + Int(byte - 0x30) }
      } else {
        if run == 4, (1000...2999).contains(value) { return value }
        run = 0
        value = 0
      }
    }
    return run == 4 && (1000...2999).contains(value) ? value : nil
  }
}
