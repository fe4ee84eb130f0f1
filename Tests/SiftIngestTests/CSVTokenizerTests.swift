import Testing

@testable import SiftIngest

@Suite struct CSVTokenizerTests {
  static func rows(_ text: String, delimiter: UInt8? = nil) -> [[String]] {
    var t = CSVTokenizer(text: text, delimiter: delimiter)
    return t.allRows().map(\.fields)
  }

  @Test func quotedFieldsWithDelimitersQuotesAndLineEnds() {
    let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n1,2,3\n"
    #expect(Self.rows(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["1", "2", "3"]])
  }

  @Test func lineNumbersCountEmbeddedLineEnds() {
    var t = CSVTokenizer(text: "h1,h2\n\"a\nb\",c\nd,e\n")
    #expect(t.allRows().map(\.line) == [1, 2, 4])
  }

  @Test(arguments: ["a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\n1,2", "\u{FEFF}a,b\n1,2\n", "a,b\n\n1,2\n\n"])
  func lineEndsBOMAndBlankLines(text: String) {
    #expect(Self.rows(text) == [["a", "b"], ["1", "2"]])
  }

  @Test(arguments: [
    ("a;b;c\n1;2;3\n", UInt8(0x3B)), ("a\tb\tc\n1\t2\t3\n", UInt8(0x09)), ("a,b,c\n1,2,3\n", UInt8(0x2C)),
  ])
  func delimiterIsSniffed(text: String, delimiter: UInt8) {
    let t = CSVTokenizer(text: text)
    #expect(t.delimiter == delimiter)
    #expect(Self.rows(text) == [["a", "b", "c"], ["1", "2", "3"]])
  }

  @Test func semicolonsInsideQuotesDoNotDecideTheDelimiter() {
    #expect(CSVTokenizer(text: "\"Authors\",\"Title\"\n\"A; B; C\",\"T\"\n").delimiter == 0x2C)
  }

  @Test func emptyFieldsAreKept() {
    #expect(Self.rows("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
  }

  @Test func unterminatedQuoteIsReported() {
    var t = CSVTokenizer(text: "a,b\n\"open,1\n2,3\n")
    _ = t.allRows()
    #expect(t.unterminatedQuoteLine == 2)
  }
}
