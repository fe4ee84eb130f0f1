/// Finds protocol highlight terms in text, case-insensitively, for emphasis while screening.
public enum Highlighter {
  /// `text` split into runs; `true` marks a run that matches a term. Longer terms win over shorter overlapping ones.
  public static func runs(_ text: String, terms: [String]) -> [(text: String, highlighted: Bool)] {
    let chars = Array(text)
    let lower = chars.map { Character($0.lowercased()) }
    let needles = terms.map { Array($0.lowercased()) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    var marked = Array(repeating: false, count: chars.count)
    var i = 0
    while i < chars.count {
      var advanced = false
      for needle in needles where i + needle.count <= chars.count {
        if Array(lower[i..<(i + needle.count)]) == needle {
          for j in i..<(i + needle.count) { marked[j] = true }
          i += needle.count
          advanced = true
          break
        }
      }
      if !advanced { i += 1 }
    }
    var result: [(String, Bool)] = []
    var start = 0
    while start < chars.count {
      var end = start
      while end < chars.count, marked[end] == marked[start] { end += 1 }
      result.append((String(chars[start..<end]), marked[start]))
      start = end
    }
    return result
  }
}
