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
}
