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

  /// Dice coefficient of two sorted sets of word hashes: 2·|A∩B| / (|A|+|B|).
  static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
    guard !a.isEmpty || !b.isEmpty else { return 0 }
    var i = 0
    var j = 0
    var common = 0
    while i < a.count, j < b.count {
      if a[i] == b[j] {
        common += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return 2 * Double(common) / Double(a.count + b.count)
  }

  /// FNV-1a hash of a word (deterministic across runs, unlike `hashValue`).
  static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }

  /// A lower bound of the edit distance from character counts: the larger of the surplus on either side.
  static func histogramBound(_ a: [Int32], _ b: [Int32]) -> Int {
    var plus: Int32 = 0
    var minus: Int32 = 0
    for i in 0..<min(a.count, b.count) {
      let d = a[i] - b[i]
      if d > 0 { plus += d } else { minus -= d }
    }
    return Int(max(plus, minus))
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

  /// Words of `a` and of `b` with no counterpart in the other (equal, or one edit apart for 5+ letters),
  /// counted on the side with fewer (0 when one title only adds words to the other); `numbers` counts those
  /// that are numbers (`1` / `2`, `ii` / `iii`), which name different studies or parts.
  static func substitutedWords(_ a: String, _ b: String) -> (words: Int, numbers: Int) {
    let wa = a.split(separator: " ").map(String.init)
    let wb = b.split(separator: " ").map(String.init)
    func unmatched(_ x: [String], _ y: [String]) -> [String] {
      let set = Set(y)
      var out: [String] = []
      for w in x where !set.contains(w) {
        let close =
          w.count >= 5
          && y.contains { v in
            v.count >= 5 && abs(v.count - w.count) <= 2
              && (levenshtein(Array(w.utf8), Array(v.utf8), limit: 2).map { $0 <= 2 } ?? false)
          }
        if !close { out.append(w) }
      }
      return out
    }
    let ua = unmatched(wa, wb)
    let ub = unmatched(wb, wa)
    let numbers = min(ua.filter(isNumberWord).count, ub.filter(isNumberWord).count)
    return (min(ua.count, ub.count), numbers)
  }

  static func isNumberWord(_ w: String) -> Bool {
    w.allSatisfy(\.isNumber) || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(w)
  }

  /// Whether two family names are the same person's: equal, one edit apart when both are 6+ letters long,
  /// or one is the other without a particle (`dejoode` / `joode`, `lequintrec` / `quintrec`).
  static func sameFamily(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    if a.count >= 4, b.count >= 4, a.count != b.count {
      let (s, l) = a.count < b.count ? (a, b) : (b, a)
      if l.count - s.count <= 4, l[(l.count - s.count)...].elementsEqual(s) { return true }
    }
    if a.count >= 6, b.count >= 6, abs(a.count - b.count) <= 1, let d = levenshtein(a, b, limit: 1), d <= 1 {
      return true
    }
    return false
  }
}
