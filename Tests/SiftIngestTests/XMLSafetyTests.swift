import Foundation
import SiftCore
import SiftIngest
import TestSupport
import Testing

/// Hostile and broken XML: nothing outside the file is read, nothing explodes, and what can be kept is kept.
@Suite struct XMLSafetyTests {
  /// A secret file the XXE attempt points at; its content must never appear in a record.
  static func secretFile() throws -> String {
    try StructTestIO.temporaryFile("secret.txt", "root:x:0:0:SECRET-CONTENT\n")
  }

  static func allText(_ records: [Record]) -> String {
    records.map { record in
      ([record.title, record.abstract, record.sourceTitle].compactMap { $0 } + record.fields.map(\.value))
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  @Test func externalEntityIsNotReadInEndNoteXML() throws {
    let secret = try Self.secretFile()
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE xml [<!ENTITY x SYSTEM "file://\(secret)"><!ENTITY p SYSTEM "file:///etc/passwd">]>
      <xml><records><record><rec-number>1</rec-number><titles><title>Before &x; &p; after</title></titles>
      <abstract>&x;</abstract></record></records></xml>
      """
    let path = try StructTestIO.temporaryFile("xxe.xml", xml)
    let (records, sink) = try StructTestIO.read(EndNoteXMLReader(), .file(path: path))
    #expect(records.count == 1)
    let text = Self.allText(records)
    #expect(!text.contains("SECRET-CONTENT"))
    #expect(!text.contains("root:"))
    #expect(records.first?.title == "Before after")
    #expect(sink.diagnostics.contains { $0.message.contains("&x;") && $0.message.contains("&p;") })
  }

  @Test func externalEntityIsNotReadInPubMedXMLFromMemory() throws {
    let secret = try Self.secretFile()
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file://\(secret)">]>
      <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article><ArticleTitle>A &x; B</ArticleTitle>
      </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
      """
    let (records, _) = try StructTestIO.read(PubMedXMLReader(), name: "xxe.xml", text: xml)
    #expect(records.count == 1)
    #expect(!Self.allText(records).contains("SECRET-CONTENT"))
    #expect(!Self.allText(records).contains("root:"))
  }

  @Test func externalDTDIsNotFetched() throws {
    let secret = try Self.secretFile()
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE xml SYSTEM "file://\(secret)">
      <xml><records><record><titles><title>T</title></titles></record></records></xml>
      """
    let (records, _) = try StructTestIO.read(EndNoteXMLReader(), name: "dtd.xml", text: xml)
    #expect(records.count == 1)
    #expect(!Self.allText(records).contains("SECRET"))
  }

  /// Internal entities are not expanded either (in text or in attributes) and are named in a warning; predefined
  /// entities and character references are decoded.
  @Test func internalEntitiesAreLeftOutAndNamed() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE xml [<!ENTITY i "INTERNAL"><!ENTITY e "<b>ELEMENT</b>">]>
      <xml><records><record><ref-type name="A &amp; &i; B &#38; &#x41;&lt;">17</ref-type>\
      <titles><title>Fish &amp; &i;chips &e; &lt;x&gt; &#x2013;</title></titles></record></records></xml>
      """
    let (records, sink) = try StructTestIO.read(EndNoteXMLReader(), name: "int.xml", text: xml)
    let record = try #require(records.first)
    #expect(record.title == "Fish & chips <x> \u{2013}")
    #expect(record.fields.first { $0.tag == "ref-type@name" }?.value == "A &  B & A<")
    #expect(!Self.allText(records).contains("INTERNAL"))
    #expect(!Self.allText(records).contains("ELEMENT"))
    #expect(sink.diagnostics.contains { $0.message.contains("&i;") && $0.message.contains("&e;") })
  }

  /// Ten levels of ten-fold entity expansion (10^10 copies) in content and in an attribute.
  static func billionLaughs(inAttribute: Bool) -> String {
    var entities = "<!ENTITY lol0 \"lol\">"
    for level in 1...10 {
      entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }
    let use =
      inAttribute
      ? "<ref-type name=\"&lol10;\">17</ref-type><titles><title>T</title></titles>"
      : "<titles><title>&lol10;</title></titles>"
    return "<?xml version=\"1.0\"?><!DOCTYPE xml [\(entities)]><xml><records><record>\(use)</record></records></xml>"
  }

  @Test(arguments: [false, true])
  func billionLaughsIsRefusedAtOnce(inAttribute: Bool) throws {
    let input = InputSource.memory(name: "lol.xml", bytes: Array(Self.billionLaughs(inAttribute: inAttribute).utf8))
    // libxml2's amplification check stops the parse; the only record was cut off, so nothing is read.
    let error = try #require(throws: IngestError.self) { try StructTestIO.read(EndNoteXMLReader(), input) }
    #expect(error.file == "lol.xml")
    #expect(error.message.contains("entity"))
  }

  @Test func deepNestingStopsWithAClearError() throws {
    let depth = 5000
    let xml =
      "<xml><records><record><titles><title>Kept</title></titles></record><record>"
      + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
      + "</record></records></xml>"
    let (records, sink) = try StructTestIO.read(EndNoteXMLReader(), name: "deep.xml", text: xml)
    #expect(records.count == 1)
    #expect(records.first?.title == "Kept")
    #expect(sink.rejectedCount == 1)
    #expect(sink.diagnostics.contains { $0.message.contains("nested more than") && $0.file == "deep.xml" })
  }

  @Test func deepNestingWithoutRecordsThrows() throws {
    let xml = String(repeating: "<a>", count: 3000) + String(repeating: "</a>", count: 3000)
    let error = try #require(throws: IngestError.self) {
      try StructTestIO.read(PubMedXMLReader(), name: "deep.xml", text: xml)
    }
    #expect(error.message.contains("nested more than"))
  }

  @Test func recordsBeforeAFatalErrorAreKept() throws {
    let xml = """
      <PubmedArticleSet>
      <PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>One</ArticleTitle></Article></MedlineCitation></PubmedArticle>
      <PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>Two</ArticleTitle></Article></MedlineCitation></PubmedArticle>
      <PubmedArticle><MedlineCitation><PMID>3</PMID><Article><ArticleTitle>Three</Article>
      </PubmedArticleSet>
      """
    let (records, sink) = try StructTestIO.read(PubMedXMLReader(), name: "cut.xml", text: xml)
    #expect(records.map(\.pmid) == ["1", "2"])
    #expect(sink.rejectedCount == 1)
    let errors = sink.diagnostics.filter { $0.severity == .error }
    #expect(errors.contains { $0.file == "cut.xml" && $0.line == 4 && $0.recordIndex == 2 })
    #expect(errors.contains { $0.message.contains("mismatch") || $0.message.contains("not well-formed") })
  }

  @Test func unclosedElementWithoutRecordThrows() throws {
    let xml = "<xml><records><record><titles><title>Never closed"
    let error = try #require(throws: IngestError.self) {
      try StructTestIO.read(EndNoteXMLReader(), name: "open.xml", text: xml)
    }
    #expect(error.file == "open.xml")
    #expect(error.message.contains("no complete record"))
  }

  @Test func wrongRootThrows() throws {
    let error = try #require(throws: IngestError.self) {
      try StructTestIO.read(PubMedXMLReader(), name: "x.xml", text: "<html><body/></html>")
    }
    #expect(error.message.contains("<html>"))
  }

  @Test func missingFileThrows() throws {
    let error = try #require(throws: IngestError.self) {
      try StructTestIO.read(EndNoteXMLReader(), .file(path: "/nonexistent/sift/none.xml"))
    }
    #expect(error.message.contains("cannot open"))
  }

  @Test func emptyExportIsNotAnError() throws {
    let (records, sink) = try StructTestIO.read(EndNoteXMLReader(), name: "e.xml", text: "<xml><records/></xml>")
    #expect(records.isEmpty)
    #expect(sink.diagnostics.contains { $0.message.contains("no records") })
  }
}
