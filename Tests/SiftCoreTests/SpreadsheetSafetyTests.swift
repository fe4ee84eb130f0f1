import SiftCore
import Testing

@Suite struct SpreadsheetSafetyTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+cmd", "'+cmd"), ("-cmd|calc", "'-cmd|calc"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("-0.25", "-0.25"), ("+3", "+3"), ("-", "'-"),
    ("plain text", "plain text"), ("5.66 (0.84)", "5.66 (0.84)"), ("", ""),
  ])
  func guardsFormulasButNotNumbers(text: String, expected: String) {
    #expect(SpreadsheetSafety.guarded(text) == expected)
  }

  @Test(arguments: ["=x", "'=x", "''=x", "'", "''", "'tis", "-0.25", "-", "@a", "plain", "", "'+1"])
  func reversibleGuardIsUndoneExactly(text: String) {
    let written = SpreadsheetSafety.reversiblyGuarded(text)
    #expect(SpreadsheetSafety.unguarded(written) == text)
    let first = written.unicodeScalars.first
    #expect(first.map { "=+-@".unicodeScalars.contains($0) } != true || written == "-0.25")
  }
}
