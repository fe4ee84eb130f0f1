import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

@Suite struct XMLReaderTests {
  static let endnoteFixtures = StructTestIO.provenanceRows { $0.hasPrefix("endnote-xml/") }
  static let pubmedFixtures = StructTestIO.provenanceRows {
    $0.hasPrefix("pubmed-xml/") || $0 == "edge/jabref-MedlineImporterTestMalformedEntry.xml"
  }

  @Test func fixtureListsAreFound() {
    #expect(Self.endnoteFixtures.count == 4)
    #expect(Self.pubmedFixtures.count == 7)
  }

  @Test(arguments: endnoteFixtures)
  func endnoteFixtureCounts(_ fixture: FixtureCount) throws {
    let (records, sink) = try StructTestIO.read(EndNoteXMLReader(), .file(path: Fixtures.export(fixture.path).path))
    #expect(records.count == fixture.records)
    #expect(sink.rejectedCount == 0)
    for record in records {
      #expect(record.title != nil)
      #expect(record.provenance.format == .endnoteXML)
      #expect(!record.fields.isEmpty)
    }
  }

  @Test(arguments: pubmedFixtures)
  func pubmedFixtureCounts(_ fixture: FixtureCount) throws {
    let input = InputSource.file(path: Fixtures.export(fixture.path).path)
    if fixture.records == 0 {
      let error = try #require(throws: IngestError.self) { try StructTestIO.read(PubMedXMLReader(), input) }
      #expect(error.message.contains("line"))
      #expect(error.description.contains(fixture.path.split(separator: "/").last.map(String.init) ?? "?"))
      return
    }
    let (records, _) = try StructTestIO.read(PubMedXMLReader(), input)
    #expect(records.count == fixture.records)
    for record in records {
      #expect(record.pmid != nil)
      #expect(record.title != nil)
      #expect(record.database == "PubMed")
    }
  }

  @Test func endnoteArticleFields() throws {
    let path = Fixtures.export("endnote-xml/jabref-EndnoteXmlImporterTestArticle.xml").path
    let record = try #require(try StructTestIO.read(EndNoteXMLReader(), .file(path: path)).records.first)
    #expect(
      record.title
        == "Trends in the lifetime risk of developing cancer in Great Britain: comparison of risk for those born from 1930 to 1960"
    )
    #expect(record.authors.map(\.family) == ["Ahmad", "Ormiston-Smith", "Sasieni"])
    #expect(record.authors.first?.given == "AS")
    #expect(record.year == 2015)
    #expect(record.doi == "10.1038/bjc.2014.606")
    #expect(record.type == "JOUR")
    #expect(record.sourceTitle == "Br J Cancer")
    #expect(record.volume == "112")
    #expect(record.issue == "5")
    #expect(record.pages == "943-7")
    #expect(record.issn == ["1532-1827", "0007-0920"])
    #expect(record.keywords.count == 13)
    #expect(record.keywords.contains("Aged, 80 and over"))
    #expect(record.accession == "25647015")
    #expect(record.pmid == "25647015")
    #expect(record.urls == ["http://www.ncbi.nlm.nih.gov/pubmed/25647015"])
    #expect(record.abstract == "test abstract")
    #expect(record.fields.contains(Field("titles/secondary-title", "Br J Cancer")))
    #expect(record.fields.contains(Field("ref-type@name", "Journal Article")))
  }

  @Test func endnoteReportUsesRecNumber() throws {
    let path = Fixtures.export("endnote-xml/jabref-EndnoteXmlImporterTestReport.xml").path
    let record = try #require(try StructTestIO.read(EndNoteXMLReader(), .file(path: path)).records.first)
    #expect(record.type == "RPRT")
    #expect(record.accession == "1289")
    #expect(record.authors.first?.family == "Wiggins")
    #expect(record.year == 2005)
    #expect(record.doi == nil)
  }

  @Test func respiratoryLibraryReadsAll1988Records() throws {
    let path = Fixtures.dedup.appendingPathComponent("respiratory/Respiratory.xml").path
    var count = 0
    var first: Record?
    var sink = RecordSink { record in
      if first == nil { first = record }
      count += 1
    }
    try EndNoteXMLReader().read(.file(path: path), into: &sink)
    #expect(count == 1988)
    #expect(sink.rejectedCount == 0)
    let record = try #require(first)
    #expect(
      record.title
        == "Perioperative nutritional support in patients undergoing hepatectomy for hepatocellular carcinoma")
    #expect(record.sourceTitle == "Jpen: Journal of Parenteral & Enteral Nutrition")
    #expect(record.authors.first?.family == "Ziegler")
    #expect(record.year == 1996)
    #expect(record.accession == "2")
  }

  @Test func pubmedArticleFields() throws {
    let path = Fixtures.export("pubmed-xml/jabref-MedlineImporterTestArticleID.xml").path
    let record = try #require(try StructTestIO.read(PubMedXMLReader(), .file(path: path)).records.first)
    #expect(record.pmid == "26711635")
    #expect(
      record.title
        == "Diagnostic performance of a multiplex PCR assay for meningitis in an HIV-infected population in Uganda.")
    #expect(record.authors.first == Author(asWritten: "Rhein, Joshua", family: "Rhein", given: "Joshua"))
    #expect(record.authors.contains { $0.family == "ASTRO-CM Team" && $0.given == nil })
    #expect(record.year == 2015)
    #expect(record.doi == "10.1016/j.diagmicrobio.2015.11.017")
    #expect(record.sourceTitle == "Diagnostic microbiology and infectious disease")
    #expect(record.pages == "1234")
    #expect(record.issn.first == "1879-0070")
    #expect(record.abstract == "This abstract is a dummy.")
    #expect(record.type == "JOUR")
    #expect(record.fields.contains(Field("MedlineCitation/PMID", "26711635")))
  }

  @Test func pubmedInlineMarkupStaysText() throws {
    let path = Fixtures.export("pubmed-xml/jabref-MedlineImporterTestArticleItalics.xml").path
    let record = try #require(try StructTestIO.read(PubMedXMLReader(), .file(path: path)).records.first)
    let abstract = try #require(record.abstract)
    #expect(abstract.contains("APOE"))
    #expect(abstract.contains("10 -19"))
    #expect(!abstract.contains("<i>"))
  }

  @Test func pubmedBookArticle() throws {
    let path = Fixtures.export("pubmed-xml/jabref-MedlineImporterTestPubmedBook.xml").path
    let record = try #require(try StructTestIO.read(PubMedXMLReader(), .file(path: path)).records.first)
    #expect(record.type == "BOOK")
    #expect(record.pmid == "21413195")
    #expect(
      record.title == "Rheumatoid Arthritis: National Clinical Guideline for Management and Treatment in Adults")
    #expect(record.authors.first?.family == "National Collaborating Centre for Chronic Conditions (UK)")
    #expect(record.year == 2009)
    #expect(record.isbn == ["9781860163593"])
    #expect(record.publicationTypes == ["Review", "Practice Guideline"])
  }

  @Test func pubmedMeshHeadingsBecomeKeywords() throws {
    let path = Fixtures.export("pubmed-xml/jabref-MedlineImporterTestMeshHeadingList.xml").path
    let record = try #require(try StructTestIO.read(PubMedXMLReader(), .file(path: path)).records.first)
    #expect(!record.keywords.isEmpty)
  }

  @Test func labelledAbstractSectionsAreJoined() throws {
    let xml = """
      <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T</ArticleTitle>
      <Abstract><AbstractText Label="BACKGROUND">Why.</AbstractText><AbstractText Label="METHODS">How.</AbstractText>
      </Abstract></Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="doi">10.1/ABC</ArticleId>
      </ArticleIdList><ReferenceList><Reference><ArticleIdList><ArticleId IdType="doi">10.9/other</ArticleId>
      </ArticleIdList></Reference></ReferenceList></PubmedData></PubmedArticle></PubmedArticleSet>
      """
    let record = try #require(try StructTestIO.read(PubMedXMLReader(), name: "a.xml", text: xml).records.first)
    #expect(record.abstract == "BACKGROUND: Why. METHODS: How.")
    #expect(record.doi == "10.1/abc")
  }

  @Test func sniffers() {
    #expect(EndNoteXMLReader().sniff("<?xml version=\"1.0\"?><xml><records><record>", fileExtension: "xml") > 80)
    #expect(EndNoteXMLReader().sniff("<PubmedArticleSet>", fileExtension: "xml") == 0)
    #expect(PubMedXMLReader().sniff("<!DOCTYPE PubmedArticleSet PUBLIC …>", fileExtension: "xml") > 80)
    #expect(PubMedXMLReader().sniff("<PubmedBookArticle>", fileExtension: "xml") > 80)
    #expect(PubMedXMLReader().sniff("<xml><records>", fileExtension: "xml") == 0)
    #expect(PubMedXMLReader().sniff("TY  - JOUR", fileExtension: "ris") == 0)
  }

  struct Expectation: Sendable, CustomStringConvertible {
    var path: String
    var title: String
    var family: String?
    var year: Int
    var doi: String?
    var description: String { path }
  }

  @Test(arguments: [
    Expectation(
      path: "endnote-xml/jabref-EndnoteXmlImporterTestArticle.xml",
      title:
        "Trends in the lifetime risk of developing cancer in Great Britain: comparison of risk for those born from 1930 to 1960",
      family: "Ahmad", year: 2015, doi: "10.1038/bjc.2014.606"),
    Expectation(
      path: "endnote-xml/jabref-EndnoteXmlImporterTestReport.xml",
      title: "Purple Martin (Progne subis): a technical conservation assessment", family: "Wiggins", year: 2005,
      doi: nil),
    Expectation(
      path: "endnote-xml/jabref-EndnoteXmlImporterTest_EmptyKeywordStyle.xml",
      title: "Painless Laser Acupuncture for Smoking Cessation.", family: "Lim", year: 2018,
      doi: "10.1089/acu.2018.1295"),
    Expectation(
      path: "endnote-xml/jabref-EndnoteXmlImporterTest_WithoutUrlStyle2.xml",
      title: "An ecological basis for reforestation of submariginal lands in the Central Hardwood Region",
      family: "Chapman", year: 1937, doi: nil),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestArticleID.xml",
      title: "Diagnostic performance of a multiplex PCR assay for meningitis in an HIV-infected population in Uganda.",
      family: "Rhein", year: 2015, doi: "10.1016/j.diagmicrobio.2015.11.017"),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestArticleItalics.xml",
      title: "Genome-wide significant risk factors on chromosome 19 and the APOE locus.", family: "Moreno-Grau",
      year: 2018, doi: "10.18632/oncotarget.25083"),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestArticleNoISSN.xml",
      title: "Need for cognition moderates paranormal beliefs and magical ideation in inconsistent-handers.",
      family: "Prichard", year: 2016, doi: "10.1080/1357650x.2015.1125914"),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestMeshHeadingList.xml", title: "Test article for MeSH heading parsing.",
      family: nil, year: 2024, doi: nil),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestNbib.xml",
      title:
        "Predictors of treatment failure, incipient hypothyroidism, and weight gain following radioiodine therapy for Graves' thyrotoxicosis.",
      family: "Gibb", year: 2013, doi: "10.3275/8949"),
    Expectation(
      path: "pubmed-xml/jabref-MedlineImporterTestPubmedBook.xml",
      title: "Rheumatoid Arthritis: National Clinical Guideline for Management and Treatment in Adults",
      family: "National Collaborating Centre for Chronic Conditions (UK)", year: 2009, doi: nil),
  ])
  func firstRecordKeyFields(_ expected: Expectation) throws {
    let input = InputSource.file(path: Fixtures.export(expected.path).path)
    let reader: any RecordReader = expected.path.hasPrefix("pubmed") ? PubMedXMLReader() : EndNoteXMLReader()
    let record = try #require(try StructTestIO.read(reader, input).records.first)
    #expect(record.title == expected.title)
    #expect(record.authors.first?.family == expected.family)
    #expect(record.year == expected.year)
    #expect(record.doi == expected.doi)
  }
}
