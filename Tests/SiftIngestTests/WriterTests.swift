import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

@Suite struct WriterTests {
  static func sample(_ n: Int = 0) -> Record {
    Record(
      type: "JOUR", title: "Internet CBT, a trial: \"quotes\" & 50% of $5 #1_{x}",
      authors: [
        Author(asWritten: "Andersson, Gerhard", family: "Andersson", given: "Gerhard"),
        Author(asWritten: "Carlbring, P.", family: "Carlbring", given: "P."),
      ], year: 2014 + n, sourceTitle: "World Psychiatry", volume: "13", issue: "3", pages: "288-295",
      doi: "10.1002/wps.20151", pmid: "25273302", issn: ["1723-8617"], abstract: "Line one,\nline two.",
      keywords: ["internet", "CBT"], language: "eng", urls: ["https://example.org/a"], database: "PubMed",
      provenance: Provenance(file: "in.xml", format: .pubmedXML, index: n))
  }

  @Test(arguments: [
    ("ris", OutputFormat.ris), ("RIS", .ris), ("csv", .csv), ("jsonl", .jsonl), ("json", .jsonl), (".bib", .bibtex),
    ("bibtex", .bibtex),
  ])
  func formatFromExtension(_ ext: String, _ format: OutputFormat) {
    #expect(OutputFormat(fileExtension: ext) == format)
  }

  @Test func unknownExtension() {
    #expect(OutputFormat(fileExtension: "docx") == nil)
  }

  @Test func csvHeaderAndQuoting() throws {
    let text = RecordText.render([Self.sample()], as: .csv)
    let lines = text.components(separatedBy: "\r\n")
    #expect(
      lines[0]
        == "id,type,title,authors,year,journal,volume,issue,pages,doi,pmid,issn,isbn,abstract,keywords,language,url,database,source_file,source_index"
    )
    #expect(
      lines[1].hasPrefix(
        ",JOUR,\"Internet CBT, a trial: \"\"quotes\"\" & 50% of $5 #1_{x}\",\"Andersson, Gerhard; Carlbring, P.\",2014,"
      ))
    #expect(text.contains("\"Line one,\nline two.\""))
    #expect(text.hasSuffix(",in.xml,0\r\n"))
  }

  @Test(arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
  func csvFormulaGuard(_ value: String) {
    let cell = CSVEncoder.cell(value)
    #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"))
  }

  @Test func csvPlainCellsUnchanged() {
    #expect(CSVEncoder.cell("plain text") == "plain text")
    #expect(CSVEncoder.cell("a-b") == "a-b")
  }

  @Test func jsonlIsOneSortedObjectPerLine() throws {
    let records = [Self.sample(0), Self.sample(1)]
    let text = RecordText.render(records, as: .jsonl)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("{\"abstract\":"))
    let decoded = try lines.map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    #expect(decoded == records)
    #expect(RecordText.render(records, as: .jsonl) == text)
  }

  @Test func bibtexKeysAreDeterministic() {
    var noAccession = Self.sample()
    noAccession.authors[0] = Author(asWritten: "Preißel, René", family: "Preißel", given: "René")
    var withAccession = Self.sample()
    withAccession.accession = "WOS:000123 456"
    let text = RecordText.render([noAccession, noAccession, withAccession, withAccession], as: .bibtex)
    #expect(text.contains("@article{preissel2014a,"))
    #expect(text.contains("@article{preissel2014b,"))
    #expect(text.contains("@article{WOS:000123_456,"))
    #expect(text.contains("@article{WOS:000123_456-2,"))
  }

  @Test func bibtexEscapes() {
    let text = RecordText.render([Self.sample()], as: .bibtex)
    #expect(
      text.contains(
        "title = {Internet CBT, a trial: \"quotes\" \\& 50\\% of \\$5 \\#1\\_\\textbraceleft{}x\\textbraceright{}}"))
    #expect(text.contains("author = {Andersson, Gerhard and Carlbring, P.}"))
    #expect(text.contains("pages = {288--295}"))
    #expect(text.contains("abstract = {Line one, line two.}"))
  }

  @Test func risNormalisedOutput() {
    let text = RecordText.render([Self.sample()], as: .ris)
    #expect(text.hasPrefix("TY  - JOUR\nTI  - Internet CBT"))
    #expect(text.contains("AU  - Andersson, Gerhard\nAU  - Carlbring, P.\n"))
    #expect(text.contains("SP  - 288\nEP  - 295\n"))
    #expect(text.contains("AB  - Line one, line two.\n"))
    #expect(text.hasSuffix("ER  - \n\n"))
  }

  @Test(arguments: OutputFormat.allCases)
  func fileWriterMatchesRenderAndFlushes(_ format: OutputFormat) throws {
    let records = (0..<400).map { Self.sample($0 % 7) }
    let dir = try Fixtures.temporaryDirectory("sift-writer")
    let path = dir.appendingPathComponent("out.\(format.fileExtension)").path
    let writer = try RecordFileWriter(path: path, format: format)
    for record in records { try writer.write(record) }
    try writer.finish()
    try writer.finish()
    #expect(throws: OutputError.self) { try writer.write(Self.sample()) }
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == RecordText.render(records, as: format))
    #expect(written.utf8.count > 1 << 16)
  }

  @Test func unwritablePathThrows() {
    #expect(throws: OutputError.self) {
      _ = try RecordFileWriter(path: "/nonexistent-dir/sift/out.ris", format: .ris)
    }
  }
}
