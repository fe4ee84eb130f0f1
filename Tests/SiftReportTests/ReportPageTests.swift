import Testing

@testable import SiftReport

@Suite struct ReportPageTests {
  static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>d</title></svg>\n"

  @Test func embedsTheDiagramInlineAndEscapesTheTitle() {
    let page = ReportPage(title: "Alliance <& review>", prismaSVG: "<?xml version=\"1.0\"?>\n" + Self.svg, files: [])
    let html = page.html
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<title>Alliance &lt;&amp; review&gt;</title>"))
    #expect(html.contains("<figure class=\"prisma\">\n<svg xmlns="))
    #expect(!html.contains("<?xml"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
  }

  @Test func filesOfOneTableFormOneSectionInAFixedOrder() {
    let files = [
      ReportPage.File(name: "verify.md", contents: "# Verify\n\nok\n"),
      ReportPage.File(name: "notes.txt", contents: "plain <text>"),
      ReportPage.File(name: "table1.tex", contents: nil),
      ReportPage.File(name: "synthesis.md", contents: "Done."),
      ReportPage.File(name: "table1.csv", contents: "a,b\n1,\"x, y\"\n"),
      ReportPage.File(name: "table 2.csv", contents: "c\n<3\n"),
    ]
    let page = ReportPage(title: "R", prismaSVG: Self.svg, files: files)
    #expect(page.sections.map(\.stem) == ["table 2", "table1", "synthesis", "verify", "notes"])
    let html = page.html
    #expect(html.contains("<a href=\"table%202.csv\">table 2.csv</a>"))
    #expect(html.contains("<td>x, y</td>"))
    #expect(html.contains("<td>&lt;3</td>"))
    #expect(html.contains("<pre>plain &lt;text&gt;</pre>"))
    #expect(html.contains("<a href=\"table1.csv\">table1.csv</a> · <a href=\"table1.tex\">table1.tex</a>"))
    #expect(html.contains("<section id=\"file-table-2\">"))
    #expect(html == ReportPage(title: "R", prismaSVG: Self.svg, files: files.reversed()).html)
  }

  @Test func markdownIsPreferredOverCSVForTheEmbeddedView() {
    let files = [
      ReportPage.File(name: "table1.csv", contents: "a\n1\n"),
      ReportPage.File(name: "table1.md", contents: "| a |\n|---|\n| 1 |\n"),
    ]
    let embedded = ReportPage.embedded(files) ?? ""
    #expect(embedded.contains("<table>"))
    #expect(!embedded.contains("<th>a</th><th>"))
    #expect(ReportPage.embedded([ReportPage.File(name: "table1.tex", contents: nil)]) == nil)
  }
}

@Suite struct MarkdownHTMLTests {
  @Test func headingsParagraphsListsAndCode() {
    let html = MarkdownHTML.html(
      "# Title\n\nSome *text* and **bold**.\nNext line.\n\n- a\n- b\n\n1. one\n\n```\n<x> & y\n```\n")
    #expect(
      html == """
        <h3>Title</h3>
        <p>Some <em>text</em> and <strong>bold</strong>.
        Next line.</p>
        <ul>
        <li>a</li>
        <li>b</li>
        </ul>
        <ol>
        <li>one</li>
        </ol>
        <pre><code>&lt;x&gt; &amp; y</code></pre>
        """)
  }

  @Test func pipeTablesWithAlignmentAndEscapedBars() {
    let html = MarkdownHTML.html("| Name | n |\n|:---|---:|\n| a \\| b | 3 |\n| <i> | 4 |\n")
    #expect(html.contains("<th>Name</th><th class=\"num\">n</th>"))
    #expect(html.contains("<tr><td>a | b</td><td class=\"num\">3</td></tr>"))
    #expect(html.contains("<td>&lt;i&gt;</td>"))
  }

  @Test func rawHTMLAndUnsafeLinksAreEscaped() {
    let html = MarkdownHTML.html("<script>x</script> [bad](javascript:alert(1)) [ok](https://doi.org/10.1/x?a=1&b=2)")
    #expect(!html.contains("<script"))
    #expect(!html.contains("href=\"javascript"))
    #expect(html.contains("<a href=\"https://doi.org/10.1/x?a=1&amp;b=2\">ok</a>"))
  }
}

@Suite struct ReportCSVTests {
  @Test func quotedFieldsDoubledQuotesAndLineEnds() {
    #expect(
      ReportCSV.rows("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n") == [
        ["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", ""],
      ])
    #expect(ReportCSV.rows("") == [])
    #expect(ReportCSV.rows("last,row") == [["last", "row"]])
  }
}
