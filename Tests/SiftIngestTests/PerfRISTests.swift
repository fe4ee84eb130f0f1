import Foundation
import SiftCore
import SiftIngest
import TestSupport
import Testing

/// The fast paths of the RIS reader give the same results as the plain ones they replace.
@Suite("RIS fast paths")
struct PerfRISTests {
  struct SeenLine: Equatable {
    var text: [UInt8]
    var number: Int
    var offset: Int
  }

  func linesByNext(_ input: InputSource) throws -> [SeenLine] {
    let reader = try LineReader(input)
    var out: [SeenLine] = []
    while let line = try reader.next() {
      out.append(SeenLine(text: Array(line.bytes), number: line.number, offset: line.offset))
    }
    return out
  }

  func linesByForEach(_ input: InputSource) throws -> [SeenLine] {
    let reader = try LineReader(input)
    var out: [SeenLine] = []
    try reader.forEachLine { bytes, number, offset in
      out.append(SeenLine(text: Array(bytes), number: number, offset: offset))
      return true
    }
    return out
  }

  /// Inputs whose line ends fall on the 1 MiB chunk boundary in every way, plus Windows-1252 and UTF-16 lines.
  static let inputs: [(name: String, bytes: [UInt8])] = {
    let chunk = LineReader.chunkSize
    func padded(_ tail: [UInt8], endingAt position: Int) -> [UInt8] {
      // Lines of `x` up to `position`, then `tail`.
      var bytes: [UInt8] = []
      while bytes.count < position - 80 { bytes += Array(repeating: 0x78, count: 60) + [0x0A] }
      bytes += Array(repeating: 0x79, count: position - bytes.count)
      return bytes + tail
    }
    let tail = Array("TY  - JOUR\r\nTI  - T\rAU  - A\nER  - \n".utf8)
    var cases: [(String, [UInt8])] = [
      ("crlf-at-chunk-end", padded([0x0D, 0x0A] + tail, endingAt: chunk - 2)),
      ("crlf-split", padded([0x0D, 0x0A] + tail, endingAt: chunk - 1)),
      ("lone-cr-at-chunk-end", padded([0x0D, 0x41, 0x0A] + tail, endingAt: chunk - 1)),
      ("lf-at-chunk-end", padded([0x0A] + tail, endingAt: chunk - 1)),
      ("line-across-chunk", padded(Array(repeating: 0x7A, count: 300) + [0x0A] + tail, endingAt: chunk - 100)),
      ("no-final-newline", Array("TY  - JOUR\nER  - ".utf8)),
      ("final-cr", Array("TY  - JOUR\nER  - \r".utf8)),
      ("windows-1252", [0x54, 0x49, 0x20, 0x20, 0x2D, 0x20, 0xE9, 0x0A, 0x41, 0x0D, 0x0A, 0x92, 0x0D, 0x42]),
      ("bom", [0xEF, 0xBB, 0xBF] + Array("TY  - JOUR\r\n\r\nER  - \r\n".utf8)),
      ("empty", []),
    ]
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in "TY  - JOUR\r\nTI  - Über 𝔄\nER  - \n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    cases.append(("utf16le", utf16))
    return cases
  }()

  @Test(arguments: inputs.indices)
  func forEachLineMatchesNext(_ index: Int) throws {
    let (name, bytes) = Self.inputs[index]
    let input = InputSource.memory(name: name + ".ris", bytes: bytes)
    let expected = try linesByNext(input)
    let got = try linesByForEach(input)
    #expect(got.count == expected.count, "\(name)")
    #expect(got == expected, "\(name)")
  }

  @Test func forEachLineStopsWhenAsked() throws {
    let reader = try LineReader(.memory(name: "stop.ris", bytes: Array("a\nb\nc\n".utf8)))
    var seen: [String] = []
    try reader.forEachLine { bytes, _, _ in
      seen.append(String(decoding: bytes, as: UTF8.self))
      return seen.count < 2
    }
    #expect(seen == ["a", "b"])
    #expect(try reader.next()?.text == "c")
  }

  /// The database the RIS mapping infers while it reads the fields equals the one inferred from the fields afterwards.
  @Test func inlineDatabaseInferenceMatchesFieldInference() throws {
    var checked = 0
    var named = 0
    for fixture in try TextFixture.all() where fixture.format == .ris {
      var sink = RecordSink { record in
        #expect(
          record.database == DatabaseInference.infer(fields: record.fields, format: .ris),
          "\(record.provenance.file) record \(record.provenance.index)")
        checked += 1
        if record.database != nil { named += 1 }
      }
      try RISReader().read(fixture.input, into: &sink)
    }
    #expect(checked > 100)
    #expect(named > 10)
  }

  @Test(arguments: [
    ("DB", "SCOPUS", "Scopus"), ("DB", "PsycINFO", "PsycINFO"), ("DB", "psyh", "PsycINFO"), ("DB", "NLM", "PubMed"),
    ("DB", "My Base", "My Base"), ("DP", "EBSCOhost", "EBSCOhost"), ("DP", "Ovid Technologies", "Ovid"),
    ("AN", "WOS:000123", "Web of Science"), ("PB", "John Wiley & Sons", "Wiley"), ("DB", "Ærø Scopus", "Scopus"),
    ("DB", "Über", "Über"),
  ])
  func databaseNamesAreCaseInsensitive(_ tag: String, _ value: String, _ expected: String) {
    #expect(DatabaseInference.infer(fields: [Field(tag, value)], format: .ris) == expected)
  }

  @Test func pmidAndDOIPrecedence() {
    let record = RISFields.record([
      Field("TY", "JOUR"), Field("UR", "https://pubmed.ncbi.nlm.nih.gov/111/"), Field("C2", "222"),
      Field("PMID", "333"), Field("M3", "Journal Article"), Field("DO", "bad"), Field("L3", "10.1000/ABC"),
      Field("UR", "https://doi.org/10.1000/xyz"), Field("Y2", "1999"), Field("PY", "n.d."), Field("DA", "2001/01/01"),
    ])
    #expect(record.pmid == "333")
    #expect(record.doi == "10.1000/abc")
    #expect(record.publicationTypes == ["Journal Article"])
    #expect(record.year == 2001)
    let linked = RISFields.record([Field("UR", "https://pubmed.ncbi.nlm.nih.gov/111/"), Field("AN", "444")])
    #expect(linked.pmid == "111")
    let accession = RISFields.record([Field("AN", "444"), Field("DB", "MEDLINE")])
    #expect(accession.pmid == "444")
    #expect(accession.database == "PubMed")
  }
}
