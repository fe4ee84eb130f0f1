import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

@Suite struct CSVReaderTests {
  static func read(_ reader: any RecordReader, _ input: InputSource) throws -> (records: [Record], sink: RecordSink) {
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try reader.read(input, into: &sink)
    return (records, sink)
  }

  static func memory(_ text: String, name: String = "test.csv") -> InputSource {
    .memory(name: name, bytes: Array(text.utf8))
  }

  @Test(arguments: ["scopus-csv/bibliometrix-scopus_sample.csv", "scopus-csv/asreview-embase.csv"])
  func scopusFixturesGiveTheirProvenanceCounts(path: String) throws {
    let expected = try #require(try Fixtures.provenanceCounts().first { $0.path == path }?.records)
    let (records, sink) = try Self.read(ScopusCSVReader(), .file(path: Fixtures.export(path).path))
    #expect(records.count == expected)
    #expect(sink.rejectedCount == 0)
    #expect(records.allSatisfy { $0.title != nil && !$0.authors.isEmpty && $0.year != nil })
  }

  @Test func scopusFieldsAreMapped() throws {
    let (records, _) = try Self.read(
      ScopusCSVReader(), .file(path: Fixtures.export("scopus-csv/bibliometrix-scopus_sample.csv").path))
    let first = try #require(records.first)
    #expect(first.database == "Scopus")
    #expect(first.accession?.hasPrefix("2-s2.0-") == true)
    #expect(first.doi == "10.1177/20552076261415846")
    #expect(first.authors.first?.family == "Liu")
    #expect(first.authors.first?.given == "Fengyuan")
    #expect(first.year == 2026)
    #expect(first.sourceTitle == "Digital Health")
    #expect(first.fields.contains { $0.tag == "EID" })
  }

  @Test func embaseSourceIsSplit() throws {
    let (records, _) = try Self.read(
      ScopusCSVReader(), .file(path: Fixtures.export("scopus-csv/asreview-embase.csv").path))
    let first = try #require(records.first)
    #expect(first.database == "Embase")
    #expect(first.sourceTitle == "Endoscopic Ultrasound")
    #expect(first.year == 2014)
    #expect(first.volume == "3")
    #expect(first.issue == "3")
    #expect(first.pages == "152-160")
    #expect(first.authors.map(\.family) == ["Liu", "Adler"])
  }

  @Test(arguments: [
    ("Title,Authors,Year,Source title,EID\nT,A,2020,J,2-s2.0-1\n", 95),
    ("Title,Author Names,Source\nT,A,J\n", 90),
    ("id,title,year\n1,T,2020\n", 0),
  ])
  func scopusSniff(head: String, score: Int) {
    #expect(ScopusCSVReader().sniff(head, fileExtension: "csv") == score)
  }

  @Test(arguments: [
    ("id,title,year\n1,T,2020\n", "csv", 60), ("ID;Title;Year\n1;T;2020\n", "txt", 60),
    ("name,value\na,b\n", "csv", 0), ("TY  - JOUR\nER  - \n", "ris", 0),
  ])
  func genericSniff(head: String, ext: String, score: Int) {
    #expect(GenericCSVReader().sniff(head, fileExtension: ext) == score)
  }

  @Test(arguments: ["stroke", "haematology", "cytology_screening", "respiratory", "special_cases"])
  func labelledSetsRead(set: String) throws {
    let path = Fixtures.dedup.appendingPathComponent("\(set)/records_pre_merged.csv").path
    let (records, sink) = try Self.read(GenericCSVReader(), .file(path: path))
    let expected = [
      "stroke": 1292, "haematology": 1415, "cytology_screening": 1856, "respiratory": 1988, "special_cases": 12,
    ]
    #expect(records.count == expected[set])
    #expect(sink.rejectedCount == 0)
    #expect(records.allSatisfy { $0.accession?.hasPrefix("id_") == true })
    #expect(records.filter { !$0.authors.isEmpty }.count > records.count * 9 / 10)
  }

  @Test func diabetesLatin1ConcatenatedAuthorsAndNA() throws {
    let path = Fixtures.dedup.appendingPathComponent("diabetes/labelled_test_set.csv").path
    let (records, _) = try Self.read(GenericCSVReader(), .file(path: path))
    #expect(records.count == 1845)
    let first = try #require(records.first)
    #expect(first.authors.map(\.asWritten) == ["Adeli K.", "Lewis G. F."])
    #expect(first.authors.map(\.family) == ["Adeli", "Lewis"])
    #expect(first.accession == "1")
    #expect(first.sourceTitle == "Curr Opin Lipidol")
    // `NA` is empty: no record carries the DOI "NA".
    #expect(records.filter { $0.doi == nil }.count >= 492)
    #expect(!records.contains { $0.abstract == "NA" })
    // Latin-1 text was decoded, not replaced.
    #expect(!records.contains { ($0.abstract ?? "").contains("\u{FFFD}") })
    // The `source` column (the gold label) is a field, not the journal.
    #expect(first.fields.contains { $0.tag == "source" && $0.value == "unique" })
  }

  @Test(arguments: [
    ("Adeli K.Lewis G. F.", ["Adeli", "Lewis"]),
    ("Zuber, J and Le Quintrec, M", ["Zuber", "Le Quintrec"]),
    ("Smith J; Doe A", ["Smith", "Doe"]),
    ("Belobrajdic D. P.King R. A.Christophersen C. T.", ["Belobrajdic", "King", "Christophersen"]),
    ("Verges B.", ["Verges"]),
  ])
  func authorLists(raw: String, families: [String]) {
    #expect(CSVFields.authors(raw).map(\.family) == families)
  }

  @Test func genericColumnsAreMappedCaseInsensitively() throws {
    let text = """
      Record_ID;TITLE;Authors;Year;Journal;Volume;Issue;Pages;DOI;ENTRYTYPE;ISSN
      7;A title;Smith, J. and Doe, A.;2020;Some Journal;12;3;45-67;https://doi.org/10.1/XYZ;inproceedings;1234-5678
      """
    let (records, _) = try Self.read(GenericCSVReader(), Self.memory(text))
    let r = try #require(records.first)
    #expect(r.accession == "7")
    #expect(r.title == "A title")
    #expect(r.authors.map(\.family) == ["Smith", "Doe"])
    #expect(r.year == 2020)
    #expect(r.sourceTitle == "Some Journal")
    #expect(r.volume == "12")
    #expect(r.issue == "3")
    #expect(r.pages == "45-67")
    #expect(r.doi == "10.1/xyz")
    #expect(r.type == "CONF")
    #expect(r.issn == ["1234-5678"])
    #expect(r.provenance.line == 2)
  }

  @Test func csvWithoutTitleColumnIsRejectedWithItsHeader() {
    let input = Self.memory("name,value\na,b\n", name: "people.csv")
    #expect {
      _ = try Self.read(GenericCSVReader(), input)
    } throws: { error in
      let text = String(describing: error)
      return text.contains("people.csv") && text.contains("name, value") && text.contains("title")
    }
  }

  @Test func shortRowsAreWarnedAndKept() throws {
    let (records, sink) = try Self.read(GenericCSVReader(), Self.memory("id,title,year\n1,First,2020\n2,Second\n"))
    #expect(records.map(\.title) == ["First", "Second"])
    #expect(sink.diagnostics.contains { $0.severity == .warning && $0.line == 3 })
  }
}
