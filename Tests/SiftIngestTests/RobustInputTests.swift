import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

/// Broken files: truncated, NUL bytes, invalid UTF-8, mixed line ends, UTF-16 with a BOM, a misleading extension.
/// Each is read through `Ingest.read` (detection included), as `sift ingest` does: the good records are still
/// read, and what was wrong is said in a diagnostic.
@Suite struct RobustInputTests {
  /// One multi-record export per format.
  struct Sample: Sendable, CustomStringConvertible {
    var path: String
    var format: Format
    var records: Int
    /// An extension that says another format.
    var wrongExtension: String
    var description: String { path }
  }

  static let samples: [Sample] = [
    Sample(path: "ris/synthesisr-Scopus_ris_example.ris", format: .ris, records: 3, wrongExtension: "csv"),
    Sample(path: "wos/synthesisr-WoS_ciw_example.ciw", format: .wosTagged, records: 5, wrongExtension: "ris"),
    Sample(path: "medline/synthesisr-PubMed_example.txt", format: .medline, records: 3, wrongExtension: "ris"),
    Sample(path: "ovid/jabref-OvidImporterTest1.txt", format: .ovid, records: 5, wrongExtension: "ris"),
    Sample(path: "endnote-tagged/colrev-enl_data.enl", format: .endnoteTagged, records: 3, wrongExtension: "bib"),
    Sample(path: "scopus-csv/bibliometrix-scopus_sample.csv", format: .scopusCSV, records: 8, wrongExtension: "ris"),
    Sample(path: "bibtex/synthesisr-Scopus_bib_example.bib", format: .bibtex, records: 3, wrongExtension: "ris"),
    Sample(
      path: "endnote-xml/jabref-EndnoteXmlImporterTest_WithoutUrlStyle2.xml", format: .endnoteXML, records: 2,
      wrongExtension: "ris"),
    Sample(
      path: "pubmed-xml/jabref-MedlineImporterTestNbib.xml", format: .pubmedXML, records: 2, wrongExtension: "bib"),
  ]

  struct Outcome {
    var format: Format
    var records: [Record]
    var diagnostics: [Diagnostic]
    var encoding: String
    var titles: [String] { records.map { ($0.title ?? "").trimmingSpaces } }
    var messages: String { diagnostics.map(\.description).joined(separator: "\n") }
  }

  static func bytes(_ sample: Sample) throws -> [UInt8] {
    Array(try Data(contentsOf: Fixtures.export(sample.path)))
  }

  static func ingest(_ bytes: [UInt8], name: String) throws -> Outcome {
    var records: [Record] = []
    let summary = try Ingest.read(.memory(name: name, bytes: bytes)) { records.append($0) }
    return Outcome(
      format: summary.format, records: records, diagnostics: summary.diagnostics, encoding: summary.encoding)
  }

  static func name(_ sample: Sample) -> String { (sample.path as NSString).lastPathComponent }

  @Test(arguments: samples)
  func intactFileIsTheBaseline(_ sample: Sample) throws {
    let outcome = try Self.ingest(try Self.bytes(sample), name: Self.name(sample))
    #expect(outcome.format == sample.format)
    #expect(outcome.records.count == sample.records)
  }

  @Test(arguments: samples)
  func extensionOfAnotherFormatIsIgnored(_ sample: Sample) throws {
    let outcome = try Self.ingest(try Self.bytes(sample), name: "export." + sample.wrongExtension)
    #expect(outcome.format == sample.format, "\(outcome.messages)")
    #expect(outcome.records.count == sample.records)
  }

  @Test(arguments: samples)
  func mixedLineEndsReadTheSame(_ sample: Sample) throws {
    let original = try Self.bytes(sample)
    let baseline = try Self.ingest(original, name: Self.name(sample))
    // Every line end becomes, in turn, LF, CRLF or CR.
    var mixed: [UInt8] = []
    var n = 0
    var i = 0
    while i < original.count {
      let b = original[i]
      if b == 0x0D || b == 0x0A {
        if b == 0x0D, i + 1 < original.count, original[i + 1] == 0x0A { i += 1 }
        mixed += [[0x0A], [0x0D, 0x0A], [0x0D]][n % 3]
        n += 1
      } else {
        mixed.append(b)
      }
      i += 1
    }
    let outcome = try Self.ingest(mixed, name: Self.name(sample))
    #expect(outcome.format == sample.format)
    #expect(outcome.titles == baseline.titles)
  }

  @Test(arguments: samples, [true, false])
  func utf16WithBOMReadsTheSame(_ sample: Sample, littleEndian: Bool) throws {
    let original = try Self.bytes(sample)
    let baseline = try Self.ingest(original, name: Self.name(sample))
    var text = String(decoding: original, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in text.utf16 {
      let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bytes += littleEndian ? pair : pair.reversed()
    }
    let outcome = try Self.ingest(bytes, name: Self.name(sample))
    #expect(outcome.format == sample.format)
    #expect(outcome.titles == baseline.titles)
    #expect(outcome.encoding.hasPrefix(littleEndian ? "UTF-16LE" : "UTF-16BE"))
  }

  /// Offset just before the line end nearest the middle of the file: inside a value, not a tag or a markup name.
  static func middleOfALine(_ bytes: [UInt8]) -> Int {
    var i = bytes.count / 2
    while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
    while i > 0, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x3E || bytes[i - 1] == 0x2C || bytes[i - 1] == 0x7D { i -= 1 }
    return i
  }

  @Test(arguments: samples)
  func nulBytesAreReportedAndTheRecordsKept(_ sample: Sample) throws {
    var bytes = try Self.bytes(sample)
    bytes.insert(contentsOf: [0x00, 0x00], at: Self.middleOfALine(bytes))
    let outcome = try Self.ingest(bytes, name: Self.name(sample))
    #expect(outcome.records.count >= sample.records - 1, "\(outcome.messages)")
    #expect(outcome.records.count <= sample.records)
    #expect(outcome.messages.localizedCaseInsensitiveContains("NUL"), "\(outcome.messages)")
  }

  @Test(arguments: samples)
  func invalidUTF8IsReportedAndTheRecordsKept(_ sample: Sample) throws {
    var bytes = try Self.bytes(sample)
    bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xE2, 0x82], at: Self.middleOfALine(bytes))
    let outcome = try Self.ingest(bytes, name: Self.name(sample))
    #expect(outcome.records.count == sample.records, "\(outcome.messages)")
    #expect(!outcome.diagnostics.isEmpty || outcome.encoding != "UTF-8", "the bad bytes are not mentioned")
  }

  /// Cut inside the last record: the records before it are all read, and the cut is reported.
  @Test(arguments: samples)
  func truncatedFileKeepsTheCompleteRecords(_ sample: Sample) throws {
    let bytes = try Self.bytes(sample)
    let baseline = try Self.ingest(bytes, name: Self.name(sample))
    let lastStart = baseline.records.last?.provenance.byteOffset ?? bytes.count * 3 / 4
    let cut = lastStart + (bytes.count - lastStart) / 2
    let outcome = try Self.ingest(Array(bytes[..<cut]), name: Self.name(sample))
    #expect(outcome.records.count >= sample.records - 1, "\(outcome.messages)")
    #expect(Array(outcome.titles.prefix(sample.records - 1)) == Array(baseline.titles.prefix(sample.records - 1)))
  }
}
