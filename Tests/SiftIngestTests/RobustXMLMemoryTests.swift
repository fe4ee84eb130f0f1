import SiftCore
import Testing

@testable import SiftIngest

/// The XML readers stay under a memory bound: records stream one at a time, and one text node may hold at most
/// 10 MB (libxml2's own limit without `XML_PARSE_HUGE`); a record with a larger one is rejected whole, with an error
/// naming the file, line and field, and the records after it are still read.
@Suite struct RobustXMLMemoryTests {
  static func article(_ pmid: Int, abstract: String = "Short.") -> String {
    "<PubmedArticle><MedlineCitation><PMID>\(pmid)</PMID><Article><ArticleTitle>Title \(pmid)</ArticleTitle>"
      + "<Abstract><AbstractText>\(abstract)</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n"
  }

  /// A text node over the 10 MB limit rejects its record with an error naming file, line and field; the records
  /// before and after it are kept whole.
  @Test func hugeTextNodeRejectsItsRecordAndTheOthersAreKept() throws {
    let xml =
      "<PubmedArticleSet>\n" + Self.article(1) + Self.article(2, abstract: String(repeating: "lol ", count: 3_000_000))
      + Self.article(3) + "</PubmedArticleSet>\n"
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try PubMedXMLReader().read(.memory(name: "huge.xml", bytes: Array(xml.utf8)), into: &sink)
    #expect(records.map(\.pmid) == ["1", "3"])
    #expect(records.map(\.abstract) == ["Short.", "Short."])
    #expect(sink.rejectedCount == 1)
    let errors = sink.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(sink.diagnostics)")
    let error = try #require(errors.first)
    #expect(error.file == "huge.xml")
    #expect(error.line == 3)
    #expect(error.recordIndex == 1)
    #expect(error.message.contains("text over 10 MB"))
    #expect(error.message.contains("MedlineCitation/Article/Abstract/AbstractText"))
  }

  /// A huge text node in the last record of an EndNote export: the records before it are kept, the file is read
  /// to its end, and the huge record alone is rejected.
  @Test func hugeTextNodeInEndNoteXMLRejectsOnlyItsRecord() throws {
    func record(_ title: String) -> String { "<record><titles><title>\(title)</title></titles></record>\n" }
    let xml =
      "<xml><records>\n" + record("One") + record("Two")
      + "<record><abstract>" + String(repeating: "x", count: 10_000_001) + "</abstract></record>\n</records></xml>\n"
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try EndNoteXMLReader().read(.memory(name: "big.xml", bytes: Array(xml.utf8)), into: &sink)
    #expect(records.map(\.title) == ["One", "Two"])
    #expect(sink.rejectedCount == 1)
    #expect(sink.diagnostics.contains { $0.line == 4 && $0.message.contains("text over 10 MB in <abstract>") })
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
