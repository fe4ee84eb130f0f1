import Testing

@testable import SiftReport

@Suite struct TextMetricTests {
  @Test(arguments: [40.0, 80.0, 150.0, 300.0])
  func wrappedLinesFitTheWidth(_ width: Double) {
    let text =
      "Records marked as ineligible by automation tools Supercalifragilisticexpialidocious (n\u{A0}=\u{A0}14) "
      + "Wörter mit Umlauten — und Gedankenstrichen"
    let lines = TextMetric.wrap(text, maxWidth: width, fontSize: 11)
    for line in lines {
      // A single character may be wider than a very narrow line; anything longer must fit.
      #expect(line.count == 1 || TextMetric.width(of: line, fontSize: 11) <= width, "\(line)")
    }
    #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
  }

  @Test func aCountIsNeverSplit() {
    let lines = TextMetric.wrap("Reports not retrieved (n\u{A0}=\u{A0}1234)", maxWidth: 130, fontSize: 11)
    #expect(lines.count == 2)
    #expect(lines.last?.hasSuffix("(n\u{A0}=\u{A0}1234)") == true)
    #expect(!lines.contains { $0.hasSuffix("(n") || $0.hasSuffix("=") })
  }

  @Test func widthsAreConservative() {
    // Helvetica's own widths are 0.556 em for digits and lowercase a, 0.278 for i, 0.833 for m.
    #expect(TextMetric.width(of: "0123456789", fontSize: 10) >= 55.6)
    #expect(TextMetric.width(of: "iiii", fontSize: 10) >= 11.1)
    #expect(TextMetric.width(of: "mmmm", fontSize: 10) >= 33.3)
    #expect(TextMetric.width(of: "Ж", fontSize: 10) == 10)
    #expect(TextMetric.width(of: "ab", fontSize: 10, bold: true) > TextMetric.width(of: "ab", fontSize: 10))
  }

  @Test func emptyTextIsOneEmptyLine() {
    #expect(TextMetric.wrap("", maxWidth: 100, fontSize: 11) == [""])
  }
}
