import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

@Suite struct BibTeXReaderTests {
  static let fixtures = StructTestIO.provenanceRows {
    $0.hasPrefix("bibtex/") || ($0.hasPrefix("edge/") && $0.hasSuffix(".bib"))
  }

  @Test func fixtureListIsFound() {
    #expect(Self.fixtures.count == 10)
  }

  @Test(arguments: fixtures)
  func fixtureCounts(_ fixture: FixtureCount) throws {
    let (records, sink) = try StructTestIO.read(BibTeXReader(), .file(path: Fixtures.export(fixture.path).path))
    #expect(records.count == fixture.records)
    #expect(sink.rejectedCount == 0)
    for record in records {
      #expect(record.provenance.format == .bibtex)
      #expect(record.fields.first?.tag == "ENTRYTYPE")
    }
  }

  struct Expectation: Sendable, CustomStringConvertible {
    var path: String
    var title: String
    var family: String
    var year: Int?
    var doi: String?
    var description: String { path }
  }

  @Test(arguments: [
    Expectation(
      path: "bibtex/jabref-BibtexImporter.examples.bib",
      title: "Git: dezentrale Versionsverwaltung im Team : Grundlagen und Workflows", family: "Preißel", year: 2016,
      doi: nil),
    Expectation(
      path: "bibtex/colrev-web_of_science_bib.bib", title: "Inproceedings Title", family: "Writerone", year: 2017,
      doi: "10.1007/999-9-999-99999-9_3"),
    Expectation(
      path: "bibtex/colrev-ebsco_bib.bib", title: "Paper title.", family: "Smith", year: 2000, doi: nil),
    Expectation(
      path: "bibtex/colrev-scopus_bib.bib",
      title: "Article classified as document_type Article, NO Volume, NO Number, NO art_number",
      family: "Firstwriter", year: 2022, doi: "10.1111/88888888.2022.7777777"),
    Expectation(
      path: "bibtex/synthesisr-Scopus_bib_example.bib",
      title: "Soil fauna diversity at different stages of reed restoration in a lakeshore wetland at Lake Taihu, China",
      family: "Li", year: 2020, doi: "10.1080/20964129.2020.1722034"),
    Expectation(
      path: "bibtex/wiley-mpif-readme.bib",
      title: "A variable neighborhood search for the median location problem with interconnected facilities",
      family: "Lozano-Osorio", year: nil, doi: "10.1111/itor.13468"),
  ])
  func firstRecordFields(_ expected: Expectation) throws {
    let (records, _) = try StructTestIO.read(BibTeXReader(), .file(path: Fixtures.export(expected.path).path))
    let record = try #require(records.first)
    #expect(record.title == expected.title)
    #expect(record.authors.first?.family == expected.family)
    #expect(record.year == expected.year)
    #expect(record.doi == expected.doi)
  }

  @Test func jabrefExamplesDecodeTeXAndWarnAboutTheMacro() throws {
    let path = Fixtures.export("bibtex/jabref-BibtexImporter.examples.bib").path
    let (records, sink) = try StructTestIO.read(BibTeXReader(), .file(path: path))
    #expect(records.count == 2)
    let article = try #require(records.last)
    #expect(article.authors.map(\.family) == ["Aksın", "Türkmen", "Artok", "Çetinkaya", "Ni", "Büyükgüngör", "Özkal"])
    #expect(article.authors.first?.given == "Özge")
    #expect(
      article.title
        == "Effect of immobilization on catalytic characteristics of saturated Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"
    )
    #expect(article.sourceTitle == "jomch")
    #expect(article.year == 2006)
    #expect(article.volume == "691")
    #expect(article.issue == "13")
    #expect(
      article.fields.contains(
        Field(
          "author",
          "Aks{\\i}n, {\\\"O}zge and T{\\\"u}rkmen, Hayati and Artok, Levent\n                  and {\\c{C}}etinkaya, Bekir and Ni, Chaoying and\n                  B{\\\"u}y{\\\"u}kg{\\\"u}ng{\\\"o}r, Orhan and {\\\"O}zkal, Erhan"
        )))
    #expect(sink.diagnostics.contains { $0.severity == .warning && $0.message.contains("jomch") && $0.line == 38 })
    #expect(sink.diagnostics.filter { $0.severity == .note && $0.message.contains("@set") }.count == 2)
    let book = try #require(records.first)
    #expect(book.type == "BOOK")
    #expect(book.isbn == ["9783864903113"])
    #expect(book.accession == "Preissel2016")
  }

  @Test func webOfScienceKeyAndDatabase() throws {
    let path = Fixtures.export("bibtex/colrev-web_of_science_bib.bib").path
    let (records, _) = try StructTestIO.read(BibTeXReader(), .file(path: path))
    let first = try #require(records.first)
    #expect(first.type == "CONF")
    #expect(first.accession == "WOS:000223334444221")
    #expect(first.fields[1] == Field("ID", "WOS:000223334444221"))
    #expect(first.database == "Web of Science")
    #expect(first.sourceTitle == "A BOOKTITLE")
    #expect(first.isbn == ["9999999999999", "9998888999998"])
    #expect(first.issn == ["0111-9119", "1111-3333"])
    #expect(records.last?.issue == "3")
  }

  @Test func scopusAndEbscoDatabases() throws {
    let scopus = try StructTestIO.read(
      BibTeXReader(), .file(path: Fixtures.export("bibtex/synthesisr-Scopus_bib_example.bib").path)
    ).records
    #expect(scopus.allSatisfy { $0.database == "Scopus" })
    #expect(scopus.first?.keywords.first == "Environmental factors")
    let ebsco = try StructTestIO.read(BibTeXReader(), .file(path: Fixtures.export("bibtex/colrev-ebsco_bib.bib").path))
      .records
    #expect(ebsco.first?.database == "EBSCOhost")
    #expect(ebsco.first?.pages == "1-10")
    #expect(ebsco.first?.keywords == ["Keyword 1", "keyword 2"])
  }

  @Test func wileyEscapedDollarAndEmptyPages() throws {
    let path = Fixtures.export("bibtex/wiley-mpif-readme.bib").path
    let record = try #require(try StructTestIO.read(BibTeXReader(), .file(path: path)).records.first)
    #expect(record.pages == nil)
    #expect(record.volume == "n/a")
    #expect(record.abstract?.hasPrefix("Abstract The p$p$-median problem") == true)
  }

  @Test(arguments: [
    "edge/jabref-encoding-windows-1252-with-header.bib", "edge/jabref-encoding-windows-1252-but-utf-8-declared.bib",
  ])
  func windows1252IsDecoded(_ path: String) throws {
    let (records, sink) = try StructTestIO.read(BibTeXReader(), .file(path: Fixtures.export(path).path))
    #expect(records.count == 1)
    #expect(records.first?.abstract == "25° C" || records.first?.authors.first?.family == "Last")
    #expect(records.first?.accession == nil)
    #expect(sink.diagnostics.contains { $0.message.contains("Windows-1252") })
  }

  @Test func utf16IsDecoded() throws {
    let path = Fixtures.export("edge/jabref-encoding-utf-16BE-with-header.bib").path
    let record = try #require(try StructTestIO.read(BibTeXReader(), .file(path: path)).records.first)
    #expect(record.title == "Ü ist ein Umlaut")
  }

  @Test func unbalancedBraceRejectsOnlyThatEntry() throws {
    let text = """
      @article{good1, title = {First}, year = 2001}

      @article{bad, title = {Never {closed}, year = 2002,
      author = {Someone, A}}

      @article{good2, title = "Second", author = {Doe, Jane and {World Health Organization}}, year = {2003}}
      """
    let (records, sink) = try StructTestIO.read(BibTeXReader(), name: "u.bib", text: text)
    #expect(records.map(\.title) == ["First", "Second"])
    #expect(sink.rejectedCount == 1)
    let error = try #require(sink.diagnostics.first { $0.severity == .error })
    #expect(error.line == 3)
    #expect(error.file == "u.bib")
    #expect(error.message.contains("unbalanced"))
    #expect(
      records.last?.authors.last == Author(asWritten: "World Health Organization", family: "World Health Organization"))
  }

  @Test func macrosConcatenationAndAccents() throws {
    let text = """
      @string{ jn = "Journal of " }
      @comment{ anything { here } }
      @preamble{ "\\newcommand{\\noop}[1]{}" }
      @inproceedings( k2,
        title = jn # {Tests} # " " # mar,
        author = "M{\\"u}ller, J{\\'e}r{\\^o}me and {\\AA}berg, {\\O}ystein and Stra{\\ss}e, A and \\v{S}koda, Z and Es\\c{c}ola, B",
        pages = {12--19},
        keywords = {a, b; c},
        abstract = {50\\% of \\$ and R\\&D, \\emph{really} ~ok}
      )
      """
    let (records, sink) = try StructTestIO.read(BibTeXReader(), name: "m.bib", text: text)
    let record = try #require(records.first)
    #expect(record.title == "Journal of Tests March")
    #expect(record.authors.map(\.family) == ["Müller", "Åberg", "Straße", "Škoda", "Esçola"])
    #expect(record.authors.first?.given == "Jérôme")
    #expect(record.authors[1].given == "Øystein")
    #expect(record.pages == "12-19")
    #expect(record.keywords == ["a, b", "c"])
    #expect(record.abstract == "50% of $ and R&D, really ok")
    #expect(record.type == "CONF")
    #expect(sink.diagnostics.isEmpty)
  }

  @Test func notBibTeXThrows() throws {
    let error = try #require(throws: IngestError.self) {
      try StructTestIO.read(BibTeXReader(), name: "n.bib", text: "just some text, no entries")
    }
    #expect(error.message.contains("no BibTeX entry"))
  }

  @Test func sniffer() {
    #expect(BibTeXReader().sniff("% Encoding: UTF-8\n\n@Article{,\n", fileExtension: "bib") >= 90)
    #expect(BibTeXReader().sniff("@article{ WOS:0001,\n", fileExtension: "txt") >= 90)
    #expect(BibTeXReader().sniff("TY  - JOUR\nER  -\n", fileExtension: "ris") == 0)
    #expect(BibTeXReader().sniff("email me @home", fileExtension: "txt") == 0)
  }

  @Test func hugeNumbersDoNotOverflow() throws {
    let text = "@article{k, title = {T}, year = 99999999999999999999999999, date = {2020-99999999999999999999}}"
    let record = try #require(try StructTestIO.read(BibTeXReader(), name: "y.bib", text: text).records.first)
    #expect(record.year == 2020)
  }
}
