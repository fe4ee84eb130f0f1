import Foundation
import SiftCore
import SiftIngest
import TestSupport
import Testing

@Suite("Text decoding: encodings, line ends, streaming")
struct TextDecodingTests {
  static let ris = "TY  - JOUR\nTI  - Über Ångström: naïve café\nAU  - Müller, Jörg\nPY  - 2012///\nER  - \n"

  func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let hi = UInt8(unit >> 8)
      let lo = UInt8(unit & 0xFF)
      bytes += bigEndian ? [hi, lo] : [lo, hi]
    }
    return bytes
  }

  @Test(arguments: [false, true])
  func utf16WithBOMIsTranscoded(bigEndian: Bool) throws {
    let input = InputSource.memory(name: "u16.ris", bytes: utf16(Self.ris, bigEndian: bigEndian))
    let (records, summary) = try readAll(input)
    #expect(records.first?.title == "Über Ångström: naïve café")
    #expect(records.first?.authors.first?.family == "Müller")
    #expect(records.first?.year == 2012)
    #expect(summary.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
  }

  @Test(arguments: ["\r\n", "\r", "\n"])
  func lineEndsAreRecognised(_ end: String) throws {
    let text = Self.ris.replacingOccurrences(of: "\n", with: end) + Self.ris.replacingOccurrences(of: "\n", with: end)
    let (records, _) = try readAll(.memory(name: "ends.ris", bytes: Array(text.utf8)))
    #expect(records.count == 2)
    #expect(records.map(\.provenance.line) == [1, 6])
    #expect(records[1].provenance.byteOffset == Self.ris.utf8.count + 5 * (end.utf8.count - 1))
    #expect(records.first?.title == "Über Ångström: naïve café")
  }

  @Test func utf8BOMIsSkipped() throws {
    let (records, summary) = try readAll(.memory(name: "bom.ris", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.ris.utf8)))
    #expect(records.first?.type == "JOUR")
    #expect(summary.encoding == "UTF-8 (BOM)")
  }

  @Test func windows1252LinesAreDecodedAndWarnedOnce() throws {
    var bytes = Array("TY  - JOUR\nTI  - Plain title\n".utf8)
    bytes += Array("AU  - M".utf8) + [0xFC] + Array("ller, J".utf8) + [0xF6] + Array("rg\n".utf8)  // Müller, Jörg
    bytes += Array("AB  - 25".utf8) + [0xB0] + Array(" C, ".utf8) + [0x93] + Array("quoted".utf8) + [0x94, 0x0A]
    bytes += Array("ER  - \n".utf8)
    let (records, summary) = try readAll(.memory(name: "cp1252.ris", bytes: bytes))
    let r = try #require(records.first)
    #expect(r.authors.first?.asWritten == "Müller, Jörg")
    #expect(r.abstract == "25° C, \u{201C}quoted\u{201D}")
    let w = summary.diagnostics.filter { $0.message.contains("Windows-1252") }
    #expect(w.count == 1)
    #expect(w.first?.line == 3)
    #expect(summary.encoding == "UTF-8 + Windows-1252 (2 lines)")
  }

  @Test func validUTF8OnAWindows1252LineIsKept() throws {
    // One line mixing UTF-8 (`é` = C3 A9, `Ø` = C3 98, `’` = E2 80 99) with Windows-1252 bytes (E9 = é, 92 = ’).
    var bytes = Array("TY  - JOUR\nTI  - Caf".utf8) + [0xE9] + Array(" and café, Øvergaard’s ".utf8) + [0x92, 0x0A]
    bytes += Array("AU  - Grå, Jörg\nTI  - x".utf8) + [0xC3] + Array("\nER  - \n".utf8)
    let (records, summary) = try readAll(.memory(name: "mixed.ris", bytes: bytes))
    let r = try #require(records.first)
    #expect(r.title == "Café and café, Øvergaard’s \u{2019}")
    #expect(r.authors.first?.asWritten == "Grå, Jörg")
    // A lead byte without its continuation is not UTF-8: read as Windows-1252 (C3 = Ã).
    #expect(r.fields.last?.value == "xÃ")
    let w = summary.diagnostics.filter { $0.message.contains("Windows-1252") }
    #expect(w.count == 1)
    #expect(w.first?.file == "mixed.ris")
    #expect(w.first?.line == 2)
    #expect(w.first?.message.contains("and 1 more lines") == true)
    #expect(summary.encoding == "UTF-8 + Windows-1252 (2 lines)")
  }

  @Test func readAllTextDecodesSmallFiles() throws {
    let text = try InputSource.memory(name: "x.bib", bytes: utf16("@article{a,\r\n title={Ü}}\r\n", bigEndian: true))
      .readAllText()
    #expect(text.text == "@article{a,\n title={Ü}}")
    #expect(text.encoding == "UTF-16BE")
    let fixture = try InputSource.file(path: Fixtures.export("edge/jabref-encoding-utf-16BE-with-header.bib").path)
      .readAllText()
    #expect(fixture.text.contains("@"))
    #expect(fixture.encoding == "UTF-16BE")
    let cp = try InputSource.file(
      path: Fixtures.export("edge/jabref-encoding-windows-1252-but-utf-8-declared.bib").path
    ).readAllText()
    #expect(cp.diagnostics.count == 1)
    #expect(cp.text.contains("Test\u{00A0}I. Last"))
  }

  @Test func linesAcrossChunkBoundariesAreWhole() throws {
    // Records around the 1 MiB chunk boundary, with CRLF so a CR can end one chunk and its LF start the next.
    let chunk = LineReader.chunkSize
    var text = ""
    var count = 0
    while text.utf8.count < chunk * 2 + 10_000 {
      text +=
        "TY  - JOUR\r\nTI  - Record \(count) ü\r\nAB  - \(String(repeating: "x", count: 997 + count % 13))\r\nER  - \r\n"
      count += 1
    }
    let dir = try Fixtures.temporaryDirectory()
    let url = dir.appendingPathComponent("big.ris")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: dir) }
    let (records, summary) = try readAll(.file(path: url.path))
    #expect(records.count == count)
    #expect(summary.diagnostics.isEmpty)
    for (i, record) in records.enumerated() {
      #expect(record.title == "Record \(i) ü")
      #expect(record.provenance.line == 4 * i + 1)
    }
    // Byte offsets point at the record's TY line.
    let bytes = Array(text.utf8)
    for record in records.prefix(5) + records.suffix(5) {
      let offset = try #require(record.provenance.byteOffset)
      #expect(Array(bytes[offset..<(offset + 6)]) == Array("TY  - ".utf8))
    }
  }

  @Test func encodingDetectionFromFirstBytes() {
    #expect(TextEncoding.detect([0xFF, 0xFE, 0x41, 0x00]).encoding == .utf16LE)
    #expect(TextEncoding.detect([0xFE, 0xFF, 0x00, 0x41]).encoding == .utf16BE)
    #expect(TextEncoding.detect([0x41, 0x00, 0x42, 0x00]) == (.utf16LE, 0))
    #expect(TextEncoding.detect([0xEF, 0xBB, 0xBF, 0x41]) == (.utf8BOM, 3))
    #expect(TextEncoding.detect(Array("TY".utf8)) == (.utf8, 0))
  }
}

@Suite("Two-stage reading of large files")
struct PipelineTests {
  @Test func largeFileReadOnTwoThreadsMatchesInMemoryReading() throws {
    var text = "Provider: Test\n\n"
    var n = 0
    while text.utf8.count < 9 << 20 {
      text +=
        "TY  - JOUR\nID  - \(n)\nTI  - Title \(n)\nAU  - Doe, J\nAB  - \(String(repeating: "word ", count: 200))\n"
      text += n % 1000 == 7 ? "\n" : "ER  - \n\n"  // a few records without ER: warnings in order
      n += 1
    }
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("large.ris")
    try Data(text.utf8).write(to: url)
    let (fromFile, fileSummary) = try readAll(.file(path: url.path))
    let (fromMemory, memorySummary) = try readAll(.memory(name: url.path, bytes: Array(text.utf8)))
    #expect(fromFile.count == n)
    #expect(fromFile == fromMemory)
    #expect(fileSummary.diagnostics == memorySummary.diagnostics)
    #expect(fileSummary.diagnostics.count == memorySummary.diagnostics.count)
    #expect(fileSummary.diagnostics.contains { $0.message.contains("no ER line") })
  }

  @Test func anErrorInTheCallerStopsReading() throws {
    var text = ""
    for n in 0..<40_000 { text += "TY  - JOUR\nTI  - Title \(n) \(String(repeating: "x", count: 200))\nER  - \n" }
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("stop.ris")
    try Data(text.utf8).write(to: url)
    struct Stop: Error {}
    var seen = 0
    #expect(throws: Stop.self) {
      _ = try Ingest.read(.file(path: url.path)) { _ in
        seen += 1
        if seen == 1000 { throw Stop() }
      }
    }
    #expect(seen == 1000)
  }
}

@Suite("Field parsing")
struct FieldParsingTests {
  @Test(
    arguments: [
      ("2012///", 2012), ("2012/05/01/", 2012), ("May 2012", 2012), ("[1998]", 1998), ("99", nil),
      ("YEAR/MONTH/DAY/", nil), ("123456789012345678901234567890", nil), ("20121", nil), ("2001\u{FEFF}", 2001),
    ] as [(String, Int?)])
  func year(_ raw: String, _ expected: Int?) {
    #expect(FieldParsing.year(raw) == expected)
  }

  @Test func doiAuthorAndPagesFastPathsAgreeWithTheGeneralRules() {
    for raw in ["10.1000/ABC.1", "https://doi.org/10.1/x", "doi:10.1/X.", "10.1/x)", " 10.1/x "] {
      #expect(FieldParsing.doi(raw) == Identifier.normalizeDOI(raw), "\(raw)")
    }
    for raw in ["Müller, Jörg", "Shannon,Claude E.", "Doe , J", "Andersson G", "Gómez, José", "Smith,  A "] {
      #expect(FieldParsing.author(raw) == Author.parse(raw), "\(raw)")
    }
    #expect(FieldParsing.pages(start: "123", end: "129") == "123-129")
    #expect(FieldParsing.pages(start: "e88", end: nil) == "e88")
    #expect(FieldParsing.issns(in: "03064530 (ISSN)") == ["0306-4530"])
    #expect(FieldParsing.isbns(in: "978-3-16-148410-0") == ["9783161484100"])
    #expect(FieldParsing.urls(in: "http://a.org; http://b.org") == ["http://a.org", "http://b.org"])
  }
}
