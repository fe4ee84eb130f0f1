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
