extension StringProtocol {
  /// Whether `needle` occurs in the string, compared byte for byte in UTF-8 (fast; no Foundation, no locale).
  public func hasSubstring(_ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard let first = n.first else { return true }
    let hay = utf8
    var i = hay.startIndex
    while let start = hay[i...].firstIndex(of: first) {
      var h = start
      var k = 0
      while k < n.count, h < hay.endIndex, hay[h] == n[k] {
        h = hay.index(after: h)
        k += 1
      }
      if k == n.count { return true }
      i = hay.index(after: start)
    }
    return false
  }
}
