import Foundation
import SiftCore
import Testing

@testable import SiftIngest

/// A DOCTYPE with only an external id (PubMed's `<!DOCTYPE PubmedArticleSet PUBLIC "…" "https://dtd.nlm.nih.gov/…">`)
/// stays on the fast path, because libxml2 without `XML_PARSE_DTDLOAD` never reads the DTD; a DOCTYPE with an
/// internal subset, or any other entity, still goes to libxml2. Either way the outcome is libxml2's.
@Suite struct XMLFastDoctypeTests {
  static let pubMedDoctype =
    "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\""
    + " \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"

  static func pubMed(doctype: String, title: String = "A title") -> String {
    "<?xml version=\"1.0\" ?>\n" + doctype + "<PubmedArticleSet>\n"
      + (1...3).map {
        "<PubmedArticle><MedlineCitation Status=\"MEDLINE\"><PMID Version=\"1\">\($0)</PMID><Article>"
          + "<ArticleTitle>\(title) \($0)</ArticleTitle><AuthorList><Author><LastName>Smith</LastName>"
          + "<ForeName>J</ForeName></Author></AuthorList></Article></MedlineCitation></PubmedArticle>\n"
      }.joined() + "</PubmedArticleSet>\n"
  }

  static func endNote(doctype: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype
      + XMLFastAnomalyTests.document((1...3).map { XMLFastAnomalyTests.record($0) }, head: "")
  }

  /// Documents the fast path reads alone.
  static let accepted: [(name: String, kind: XMLFastDiff.Kind, text: String)] = [
    ("PubMed PUBLIC", .pubmed, pubMed(doctype: pubMedDoctype)),
    ("PubMed PUBLIC, predefined entities", .pubmed, pubMed(doctype: pubMedDoctype, title: "A &amp; B &#233;")),
    (
      "PubMed PUBLIC over three lines, single quotes", .pubmed,
      pubMed(doctype: "<!DOCTYPE PubmedArticleSet\n  PUBLIC '-//NLM//DTD PubMedArticle//EN'\n  'pubmed.dtd' >\n")
    ),
    ("EndNote SYSTEM", .endnote, endNote(doctype: "<!DOCTYPE xml SYSTEM \"endnote.dtd\">\n")),
    ("EndNote name only", .endnote, endNote(doctype: "<!DOCTYPE xml>")),
  ]

  @Test(arguments: 0..<accepted.count)
  func externalIDStaysOnTheFastPath(_ index: Int) {
    let (name, kind, text) = Self.accepted[index]
    let input = XMLFastDiff.memory("doctype.xml", text)
    let reference = XMLFastDiff.read(kind, input, path: .libxml2)
    #expect(reference.error == nil && reference.recordCount == 3, "\(name): \(reference)")
    for chunk in [XMLStream.chunkSize, 64, 5, 1] {
      let fast = XMLFastDiff.read(kind, input, path: .fastOnly, chunk: chunk)
      #expect(fast == reference, "\(name), chunk \(chunk): \(XMLFastDiff.firstDifference(fast, reference))")
    }
  }

  /// Documents that still go to libxml2 from the start.
  static let fallingBack: [(name: String, kind: XMLFastDiff.Kind, text: String)] = [
    (
      "internal subset with an entity", .pubmed,
      pubMed(doctype: "<!DOCTYPE PubmedArticleSet [\n<!ENTITY t \"expanded\">\n]>\n", title: "A &t; B")
    ),
    ("internal subset, unused", .endnote, endNote(doctype: "<!DOCTYPE xml SYSTEM \"x.dtd\" [ <!ELEMENT xml ANY> ]>\n")),
    ("undefined entity after an external id", .pubmed, pubMed(doctype: pubMedDoctype, title: "A &nbsp; B")),
    ("two DOCTYPEs", .endnote, endNote(doctype: "<!DOCTYPE xml>\n<!DOCTYPE xml>\n")),
    ("public id with a bad character", .pubmed, pubMed(doctype: "<!DOCTYPE PubmedArticleSet PUBLIC \"a{b\" \"c\">\n")),
    ("PUBLIC without a system literal", .pubmed, pubMed(doctype: "<!DOCTYPE PubmedArticleSet PUBLIC \"a\">\n")),
  ]

  @Test(arguments: 0..<fallingBack.count)
  func otherDoctypesGoToLibXML2(_ index: Int) {
    let (name, kind, text) = Self.fallingBack[index]
    let input = XMLFastDiff.memory("doctype.xml", text)
    let reference = XMLFastDiff.read(kind, input, path: .libxml2)
    for chunk in [XMLStream.chunkSize, 64, 5] {
      let automatic = XMLFastDiff.read(kind, input, path: .automatic, chunk: chunk)
      #expect(automatic == reference, "\(name), chunk \(chunk): \(XMLFastDiff.firstDifference(automatic, reference))")
    }
    let fastOnly = XMLFastDiff.read(kind, input, path: .fastOnly, chunk: 64)
    #expect(fastOnly.diagnostics.contains { $0.contains("fast XML path anomaly") } || fastOnly.error != nil, "\(name)")
  }
}
