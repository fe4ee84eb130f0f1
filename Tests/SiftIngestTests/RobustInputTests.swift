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

  /// Offset inside the last record, at the end of a line's text: inside a value, not a tag or a markup name.
  static func insideTheLastRecord(_ bytes: [UInt8], _ baseline: Outcome) -> Int {
    var lastStart = baseline.records.last?.provenance.byteOffset ?? bytes.count * 3 / 4
    if baseline.records.last?.provenance.byteOffset == nil, let line = baseline.records.last?.provenance.line {
      // Readers that give only the line (CSV, BibTeX, XML): the start of that line.
      var seen = 1
      lastStart =
        bytes.firstIndex { byte in
          if seen == line { return true }
          if byte == 0x0A { seen += 1 }
          return false
        } ?? lastStart
    }
    var i = lastStart + (bytes.count - lastStart) / 2
    while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
    let markup: Set<UInt8> = [0x20, 0x3E, 0x2C, 0x7D, 0x22]  // space > , } "
    while i > lastStart, markup.contains(bytes[i - 1]) { i -= 1 }
    return i
  }

  /// XML forbids NUL and invalid UTF-8: libxml2 stops at the first, so the records before it are kept and the
  /// damaged record is reported as rejected with the line. Text formats keep every record.
  static func expectDamageReported(_ sample: Sample, _ outcome: Outcome, _ baseline: Outcome, says words: [String]) {
    let xml = sample.format == .endnoteXML || sample.format == .pubmedXML
    #expect(outcome.records.count == (xml ? sample.records - 1 : sample.records), "\(outcome.messages)")
    // The records before the damaged one read exactly as before (the damaged one may read differently: its line
    // is decoded as Windows-1252, or it is rejected).
    #expect(Array(outcome.titles.prefix(sample.records - 1)) == Array(baseline.titles.prefix(sample.records - 1)))
    let said = words.contains { outcome.messages.localizedCaseInsensitiveContains($0) }
    #expect(said, "no diagnostic says \(words): \(outcome.messages)")
    #expect(outcome.diagnostics.allSatisfy { $0.line != nil }, "\(outcome.messages)")
  }

  @Test(arguments: samples)
  func nulBytesAreReportedAndTheRecordsKept(_ sample: Sample) throws {
    var bytes = try Self.bytes(sample)
    let baseline = try Self.ingest(bytes, name: Self.name(sample))
    bytes.insert(contentsOf: [0x00, 0x00], at: Self.insideTheLastRecord(bytes, baseline))
    let outcome = try Self.ingest(bytes, name: Self.name(sample))
    Self.expectDamageReported(sample, outcome, baseline, says: ["NUL", "0x0"])
  }

  @Test(arguments: samples)
  func invalidUTF8IsReportedAndTheRecordsKept(_ sample: Sample) throws {
    var bytes = try Self.bytes(sample)
    let baseline = try Self.ingest(bytes, name: Self.name(sample))
    bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xE2, 0x82], at: Self.insideTheLastRecord(bytes, baseline))
    let outcome = try Self.ingest(bytes, name: Self.name(sample))
    Self.expectDamageReported(sample, outcome, baseline, says: ["UTF-8", "Windows-1252"])
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
    // Formats that close each record (`ER`, `}`, an end tag) say that the last one is cut off.
    let closed: Set<Format> = [.ris, .wosTagged, .bibtex, .endnoteXML, .pubmedXML]
    if closed.contains(sample.format) {
      #expect(!outcome.diagnostics.isEmpty, "the cut is not reported")
    }
  }
}
