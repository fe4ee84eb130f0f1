import Foundation
import PropertyBased
import SiftCore
import Testing

@testable import SiftIngest

/// The byte-level fast paths of the RIS reader give the same results as the plain code they stand in for.
@Suite("RIS byte fast paths")
struct RISFastTests {
  /// A tag line's value read through ``UTF8Bytes/string(_:)`` is the string `String(decoding:as:)` makes.
  @Test func valueStringMatchesDecoding() async {
    await propertyCheck(count: 3000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      let bytes = Self.randomValidBytes(&rng)
      bytes.withUnsafeBufferPointer { buffer in
        let made = UTF8Bytes.string(buffer)
        let decoded = String(decoding: buffer, as: UTF8.self)
        #expect(Array(made.utf8) == Array(decoded.utf8), "seed \(seed)")
        #expect(made == decoded && made.count == decoded.count, "seed \(seed)")
      }
    }
  }

  /// The RIS scan gives each field the code it parsed from the bytes; it must be the code of the field's tag.
  @Test("Tag codes from the scan match the tags", arguments: try TextFixture.all().filter { $0.format == .ris })
  func scannedTagCodesMatchTags(fixture: TextFixture) throws {
    let records = try readAll(fixture.input, format: .ris).records
    #expect(!records.isEmpty)
    for record in records {
      for field in record.fields {
        #expect(field.tagCode == Field.code(of: field.tag), "\(fixture.path): \(field.tag)")
      }
    }
  }

  @Test func scannedTagCodesOfUnusualTagLines() throws {
    let text = "\u{FEFF}TY  - JOUR\nPMID  - 123\nA1 - Solo, H.\nC2  - 9\nM3  - doi:10.1/x\nT1  -\nER  - \n"
    let records = try readAll(.memory(name: "odd.ris", bytes: Array(text.utf8)), format: .ris).records
    let fields = try #require(records.first?.fields)
    #expect(fields.map(\.tag) == ["TY", "PMID", "A1", "C2", "M3", "T1"])
    for field in fields { #expect(field.tagCode == Field.code(of: field.tag), "\(field.tag)") }
    // The mapping switches on these codes: the last PMID/C2 of digits is the PMID, M3 holds the DOI.
    #expect(records.first?.pmid == "9")
    #expect(records.first?.doi == "10.1/x")
  }

  /// Pieces the page and author properties are built from: digits, letters, Latin and combining characters,
  /// separators and white space.
  static let pieces = [
    "12", "129", "e88", "S1", "-", "–", " ", "  ", "\t", "é", "Ø", "e\u{301}", ",", ", ", ";", "A.", "Smith", "van",
    "Ångström", "\u{A0}", "x", "",
  ]

  static func randomText(_ rng: inout SplitMix64, maxPieces: Int = 5) -> String {
    (0..<Int(rng.next() % UInt64(maxPieces + 1))).map { _ in pick(pieces, &rng) }.joined()
  }

  /// `SP`/`EP` joined on bytes give what the general path gives.
  @Test func pagesFastPathMatchesGeneral() async {
    await propertyCheck(count: 5000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      let start: String? = rng.next() % 10 == 0 ? nil : Self.randomText(&rng, maxPieces: 3)
      let end: String? =
        rng.next() % 10 == 0 ? nil : rng.next() % 5 == 0 ? start : Self.randomText(&rng, maxPieces: 3)
      let fast = FieldParsing.pages(start: start, end: end)
      let general = FieldParsing.pagesSlowly(start: start, end: end)
      #expect(
        fast.map { Array($0.utf8) } == general.map { Array($0.utf8) }, "seed \(seed): \(start ?? "nil") \(end ?? "nil")"
      )
    }
  }

  /// One `Family, Given` split in one pass gives the authors the general path gives.
  @Test func authorFastPathMatchesGeneral() async {
    await propertyCheck(count: 5000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      let raw = Self.randomText(&rng)
      var fast: [Author] = []
      var general: [Author] = []
      FieldParsing.appendAuthors(in: raw, to: &fast)
      FieldParsing.appendAuthorsSlowly(in: raw, to: &general)
      let bytes = { (a: [Author]) in
        a.map { [Array($0.asWritten.utf8), Array($0.family.utf8), $0.given.map { Array($0.utf8) } ?? [0xFF]] }
      }
      #expect(bytes(fast) == bytes(general), "seed \(seed): \(Array(raw.utf8))")
    }
  }

  @Test func tagFastPathMatchesPlainParse() async {
    await propertyCheck(count: 5000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      for _ in 0..<20 {
        let line = Self.randomTagLine(&rng)
        line.withUnsafeBufferPointer { buffer in
          let fast = RISReader.parseTag(buffer)
          let plain = RISReader.parseTagSlowly(buffer)
          #expect(
            fast.map(Self.describe) == plain.map(Self.describe), "seed \(seed): \(Array(line))")
        }
      }
    }
  }

  @Test func utf8CheckMatchesStandardLibrary() async {
    await propertyCheck(count: 5000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      // Half the inputs are sparse (2 bytes in 100 not ASCII), so long ASCII runs reach the 64-byte vector loop.
      let asciiShare: UInt64 = rng.next() % 2 == 0 ? 90 : 98
      let length = Int(rng.next() % 400)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        let roll = rng.next() % 100
        if roll < asciiShare {
          bytes.append(UInt8(0x20 + rng.next() % 0x5F))
        } else if roll < (asciiShare + 100) / 2 {
          bytes += Array(["é", "€", "𝔄", "Ø"][Int(rng.next() % 4)].utf8)
        } else {
          bytes.append(UInt8(0x80 + rng.next() % 0x80))
        }
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      bytes.withUnsafeBufferPointer { buffer in
        #expect(UTF8Bytes.isValid(buffer) == expected, "seed \(seed): \(bytes)")
      }
    }
  }

  static func randomValidBytes(_ rng: inout SplitMix64) -> [UInt8] {
    var bytes: [UInt8] = []
    let length = Int(rng.next() % 40)
    for _ in 0..<length {
      if rng.next() % 8 == 0 {
        bytes += Array(["é", "€", "𝔄", "Ø", "e\u{301}", "\r\n"][Int(rng.next() % 6)].utf8)
      } else {
        bytes.append(UInt8(0x20 + rng.next() % 0x5F))
      }
    }
    return bytes
  }

  static func describe(_ match: RISReader.TagMatch) -> [Int] {
    [Int(match.code), match.valueStart, match.valueEnd]
  }

  /// One of `values`, chosen by the seeded generator.
  static func pick<T>(_ values: [T], _ rng: inout SplitMix64) -> T { values[Int(rng.next() % UInt64(values.count))] }

  /// A line that is often, but not always, a tag line: tags of 1–5 characters, 0–3 spaces, `-` or not, odd values.
  static func randomTagLine(_ rng: inout SplitMix64) -> [UInt8] {
    var line: [UInt8] = []
    if rng.next() % 20 == 0 { line += [0xEF, 0xBB, 0xBF] }
    let tagLength = Int(rng.next() % 6)
    for _ in 0..<tagLength { line.append(Self.pick(Array("ATYUE12Z9a -".utf8), &rng)) }
    line += Array(repeating: 0x20, count: Int(rng.next() % 4))
    if rng.next() % 5 != 0 { line.append(0x2D) }
    line += Self.pick([[], [0x20], [0x09], [0x20, 0x20], [0x41], [0x0D], [0x20, 0x0D]], &rng)
    line += Self.pick([[], Array("value".utf8), Array(" x \t".utf8), Array("é \r".utf8), [0x2D], [0x20, 0x20]], &rng)
    return line
  }
}
