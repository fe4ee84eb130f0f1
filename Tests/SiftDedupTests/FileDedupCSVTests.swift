import Testing

@testable import SiftDedup

@Suite struct FileDedupCSVTests {
  @Test(arguments: [
    ("=cmd|calc", "'=cmd|calc"), ("-cmd", "'-cmd"), ("-2", "-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("plain", "plain"), ("a,b", "\"a,b\""), ("=a,b", "\"'=a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
  ])
  func cellsAreQuotedAndGuarded(raw: String, expected: String) {
    #expect(FileDedup.csvCell(raw) == expected)
  }
}
