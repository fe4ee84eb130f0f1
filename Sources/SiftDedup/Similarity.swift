/// String similarities used by the scorer.
enum Similarity {
  /// Levenshtein distance between `a` and `b`, or nil when it is above `limit` (banded, O(n·limit)).
  static func levenshtein(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    let n = a.count
    let m = b.count
    if abs(n - m) > limit { return nil }
    if n == 0 { return m }
    if m == 0 { return n }
    let big = limit + 1
    var prev = [Int](repeating: big, count: m + 1)
    var cur = [Int](repeating: big, count: m + 1)
    for j in 0...min(m, limit) { prev[j] = j }
    for i in 1...n {
      let lo = max(1, i - limit)
      let hi = min(m, i + limit)
      cur[lo - 1] = lo == 1 ? (i <= limit ? i : big) : big
      var rowMin = cur[lo - 1]
      if lo > hi { return nil }
      for j in lo...hi {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = prev[j - 1] + cost
        let del = prev[j] + 1
        if del < v { v = del }
        let ins = cur[j - 1] + 1
        if ins < v { v = ins }
        if v > big { v = big }
        cur[j] = v
        if v < rowMin { rowMin = v }
      }
      if hi < m { cur[hi + 1] = big }
      if rowMin > limit { return nil }
      swap(&prev, &cur)
    }
    let d = prev[m]
    return d <= limit ? d : nil
  }

  /// 1 − distance / longer length, or 0 when the ratio is below `minimum`.
  static func ratio(_ a: [UInt8], _ b: [UInt8], minimum: Double) -> Double {
    if a == b { return a.isEmpty ? 0 : 1 }
    let longer = max(a.count, b.count)
    guard longer > 0 else { return 0 }
    let limit = Int((1 - minimum) * Double(longer))
    guard let d = levenshtein(a, b, limit: limit) else { return 0 }
    return 1 - Double(d) / Double(longer)
  }

  /// Whether two family names are the same person's: equal, or one edit apart when both are 6+ letters long.
  static func sameFamily(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    if a.count >= 6, b.count >= 6, let d = levenshtein(Array(a.utf8), Array(b.utf8), limit: 1), d <= 1 { return true }
    return false
  }
}
