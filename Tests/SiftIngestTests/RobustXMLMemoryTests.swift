import SiftCore
import Testing

@testable import SiftIngest

/// The XML readers stay under a memory bound: libxml2 runs without `XML_PARSE_HUGE`, so one text node may hold
/// at most 10 MB (a larger one stops the file with an error naming the line), and records stream one at a time.
@Suite struct RobustXMLMemoryTests {
  static func article(_ pmid: Int, abstract: String = "Short.") -> String {
    "<PubmedArticle><MedlineCitation><PMID>\(pmid)</PMID><Article><ArticleTitle>Title \(pmid)</ArticleTitle>"
      + "<Abstract><AbstractText>\(abstract)</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n"
  }

  /// A text node over libxml2's 10 MB limit stops the file with an error naming the line; the record before it
  /// is kept whole, and no value grows past the limit.
  @Test func hugeTextNodeStopsTheFileAndTheRecordsBeforeItAreKept() throws {
    let xml =
      "<PubmedArticleSet>\n" + Self.article(1) + Self.article(2, abstract: String(repeating: "lol ", count: 3_000_000))
      + Self.article(3) + "</PubmedArticleSet>\n"
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try PubMedXMLReader().read(.memory(name: "huge.xml", bytes: Array(xml.utf8)), into: &sink)
    #expect(records.first?.pmid == "1")
    #expect(records.first?.abstract == "Short.")
    #expect(!records.contains { $0.pmid == "3" })
    #expect(records.allSatisfy { ($0.abstract?.utf8.count ?? 0) <= 10_000_000 })
    let errors = sink.diagnostics.filter { $0.severity == .error }
    #expect(errors.contains { $0.file == "huge.xml" && $0.line == 3 }, "\(sink.diagnostics)")
    withKnownIssue("the record holding the huge node is kept with its text cut at 10 MB instead of being rejected") {
      #expect(records.map(\.pmid) == ["1"])
      #expect(sink.rejectedCount == 1)
    }
  }

  /// A node just under the limit is read whole.
  @Test func largeButAllowedTextNodeIsRead() throws {
    let abstract = String(repeating: "word ", count: 1_000_000)  // 5 MB
    let xml = "<PubmedArticleSet>\n" + Self.article(1, abstract: abstract) + Self.article(2) + "</PubmedArticleSet>\n"
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try PubMedXMLReader().read(.memory(name: "large.xml", bytes: Array(xml.utf8)), into: &sink)
    #expect(records.map(\.pmid) == ["1", "2"])
    #expect((records.first?.abstract?.utf8.count ?? 0) > 4_000_000)
  }

  /// Many small records in one file are all read, with no diagnostic.
  @Test func fiveThousandRecordsAreAllRead() throws {
    let count = 5_000
    var xml = "<PubmedArticleSet>\n"
    for i in 1...count { xml += Self.article(i) }
    xml += "</PubmedArticleSet>\n"
    var seen = 0
    var sink = RecordSink { _ in seen += 1 }
    try PubMedXMLReader().read(.memory(name: "many.xml", bytes: Array(xml.utf8)), into: &sink)
    #expect(seen == count)
    #expect(sink.diagnostics.isEmpty)
  }
}
