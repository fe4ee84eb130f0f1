import SiftCore

/// Two reviewers' verdicts on the records both decided at one stage: a k × k table of counts.
public struct AgreementTable: Sendable, Hashable {
  /// The categories, in table order (e.g. include, exclude; or include, exclude, maybe).
  public var categories: [Verdict]
  /// `counts[i][j]`: records the first reviewer put in `categories[i]` and the second in `categories[j]`.
  public var counts: [[Int]]

  public init(categories: [Verdict], counts: [[Int]]) {
    self.categories = categories
    self.counts = counts
  }

  /// Counts the pairs `(first, second)` into a table over `categories`.
  public init(categories: [Verdict], pairs: [(Verdict, Verdict)]) {
    self.categories = categories
    var counts = Array(repeating: Array(repeating: 0, count: categories.count), count: categories.count)
    for (a, b) in pairs {
      guard let i = categories.firstIndex(of: a), let j = categories.firstIndex(of: b) else { continue }
      counts[i][j] += 1
    }
    self.counts = counts
  }

  /// Records in the table.
  public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
  /// Records on which the two agree (the diagonal).
  public var agreed: Int { categories.indices.reduce(0) { $0 + counts[$1][$1] } }
}
