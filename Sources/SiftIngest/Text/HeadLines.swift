/// The non-empty lines of a decoded file head, split at every newline character (LF, VT, FF, CR, NEL, LS, PS) as
/// `split(whereSeparator: \.isNewline)` splits them, but on UTF-8 bytes: for format detection.
enum HeadLines {
  /// Calls `body` with each non-empty line's bytes, at most `limit` lines.
  static func forEach(_ head: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var text = head
    text.withUTF8 { bytes in
      var lines = 0
      var start = 0
      var i = 0
      let n = bytes.count
      func take(_ end: Int) {
        guard end > start, lines < limit else { return }
        lines += 1
        body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      }
      while i < n, lines < limit {
        let b = bytes[i]
        var separator = 0
        if b >= 0x0A && b <= 0x0D {
          separator = 1
        } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
          separator = 2
        } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
          separator = 3
        }
        if separator > 0 {
          take(i)
          i += separator
          start = i
        } else {
          i += 1
        }
      }
      if start < n { take(n) }
    }
  }
}

extension HeadLines {
  /// The line without a leading byte order mark (U+FEFF).
  @inline(__always)
  static func droppingBOM(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF else { return line }
    return UnsafeBufferPointer(rebasing: line[3...])
  }

  /// Whether the line starts with the ASCII `prefix`.
  @inline(__always)
  static func starts(_ line: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    guard line.count >= n else { return false }
    let p = prefix.utf8Start
    for i in 0..<n where line[i] != p[i] { return false }
    return true
  }

  /// Whether the line is exactly the ASCII `text`.
  @inline(__always)
  static func equals(_ line: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
    line.count == text.utf8CodeUnitCount && starts(line, with: text)
  }

  /// Whether the ASCII `needle` occurs in the line.
  static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
    ByteSearch.contains(line, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
  }

  /// The line as a string (for the rare checks that need Characters).
  static func text(_ line: UnsafeBufferPointer<UInt8>) -> String { String(decoding: line, as: UTF8.self) }
}
