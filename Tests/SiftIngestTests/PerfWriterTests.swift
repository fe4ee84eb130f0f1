import Foundation
import PropertyBased
import SiftCore
import Testing

@testable import SiftIngest

/// The byte-level writers produce exactly what the Foundation/`String` based versions produced.
@Suite struct PerfWriterTests {
  /// Text that needs every kind of escaping: quotes, backslashes, slashes, every C0 control, DEL, non-ASCII,
  /// combining marks, emoji (ZWJ sequences, flags), CRLF and a lone CR.
  static let tricky: [String] = [
    "",
    "plain",
    "say \"hi\" \\ back\\slash / slash",
    String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}",
    "Preißel, René — Ångström µ 中文 Ελληνικά",
    "e\u{301} combining, 👩‍👩‍👧 family, 🇸🇪 flag, 🤦🏽‍♀️",
    "line\r\nbreak\rcr\nlf\ttab\u{8}bs\u{C}ff",
    "\u{2028}\u{2029}\u{FEFF}\u{A0}nbsp",
    "=SUM(A1), \"quoted\"",
    "-leading dash",
  ]

  static func trickyRecord(_ n: Int) -> Record {
    let t = tricky[n % tricky.count]
    let u = tricky[(n + 3) % tricky.count]
    return Record(
      type: n % 4 == 0 ? nil : "JOUR", title: t,
      authors: [
        Author(asWritten: u, family: t, given: n % 2 == 0 ? nil : u),
        Author(asWritten: "A, B", family: "A", given: "B"),
      ], year: n % 3 == 0 ? nil : 1990 + n, sourceTitle: u, volume: n % 5 == 0 ? nil : String(n), issue: t,
      pages: n % 2 == 0 ? "1-9" : nil, doi: "10.1/\(n)", pmid: n % 3 == 0 ? String(n) : nil,
      issn: n % 2 == 0 ? [] : [t, "1234-5678"], isbn: [u], abstract: n % 4 == 1 ? nil : t + u, keywords: [t, u, ""],
      language: u, publicationTypes: n % 3 == 1 ? [] : [t], urls: ["https://x.org/a?b=c&d=\"e\""],
      database: n % 2 == 0 ? nil : t, accession: n % 3 == 2 ? nil : u,
      fields: n % 5 == 4 ? [] : [Field("TI", t), Field(u, "v"), Field("AB", u)],
      provenance: Provenance(
        file: "dir/\(t).ris", format: n % 6 == 5 ? nil : Format.allCases[n % Format.allCases.count], index: n * 997,
        line: n % 2 == 0 ? n + 1 : nil, byteOffset: n % 3 == 0 ? n * 4096 : nil))
  }

  static let records = (0..<40).map(trickyRecord)

  @Test func jsonlMatchesFoundationJSONEncoder() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var expected = ""
    for record in Self.records {
      expected += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
    }
    let text = RecordText.render(Self.records, as: .jsonl)
    #expect(text == expected)
    let decoded = try text.split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    #expect(decoded == Self.records)
  }

  /// The store's record JSON is what `JSONEncoder` with `.sortedKeys` alone writes (slashes escaped as `\/`).
  @Test func storedJSONMatchesFoundationJSONEncoder() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for record in Self.records {
      let expected = String(decoding: try encoder.encode(record), as: UTF8.self)
      let made = StoredRecordJSON.encode(record)
      #expect(made == expected)
      #expect(Array(made.utf8) == Array(expected.utf8))
      #expect(try JSONDecoder().decode(Record.self, from: Data(made.utf8)) == record)
    }
    #expect(StoredRecordJSON.encode(Record(urls: ["a/b"])).contains(#""urls":["a\/b"]"#))
  }

  /// The byte-level reader of stored JSON gives what `JSONDecoder` gives, and declines what it does not know.
  @Test func storedJSONDecodesAsFoundation() throws {
    for record in Self.records {
      let json = StoredRecordJSON.encode(record)
      let decoded = try #require(StoredRecordJSON.decode(json))
      #expect(decoded == record)
      var lean = record
      lean.fields = []
      #expect(StoredRecordJSON.decode(json, withFields: false) == lean)
      #expect(decoded.fields.map(\.tagCode) == record.fields.map { Field.code(of: $0.tag) })
      // Foundation's own output, pretty-printed and unsorted, reads the same.
      let plain = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
      #expect(StoredRecordJSON.decode(plain) == record)
      let pretty = JSONEncoder()
      pretty.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
      #expect(StoredRecordJSON.decode(String(decoding: try pretty.encode(record), as: UTF8.self)) == record)
    }
    let minimal =
      #"{"authors":[],"fields":[],"isbn":[],"issn":[],"keywords":[],"provenance":{"file":"f","index":0},"#
      + #""publicationTypes":[],"urls":[]}"#
    let reference = try JSONDecoder().decode(Record.self, from: Data(minimal.utf8))
    #expect(StoredRecordJSON.decode(minimal) == reference)
    let escaped = minimal.replacingOccurrences(of: #""file":"f""#, with: #""file":"a\u00e9\ud83d\ude00\/\t\"""#)
    #expect(StoredRecordJSON.decode(escaped) == (try JSONDecoder().decode(Record.self, from: Data(escaped.utf8))))
    #expect(StoredRecordJSON.decode(escaped)?.provenance.file == "aé😀/\t\"")
    let nulls = minimal.replacingOccurrences(of: #""isbn""#, with: #""title":null,"year":null,"isbn""#)
    #expect(StoredRecordJSON.decode(nulls) == reference)
    // Left to JSONDecoder: a missing required key, an unknown key, a fraction, a lone surrogate, trailing text.
    for declined in [
      minimal.replacingOccurrences(of: #""urls":[]"#, with: #""x":[]"#),
      minimal.replacingOccurrences(of: #""isbn":[]"#, with: #""isbn":[],"extra":1"#),
      minimal.replacingOccurrences(of: #""index":0"#, with: #""index":0.5"#),
      minimal.replacingOccurrences(of: #""file":"f""#, with: #""file":"\ud800""#),
      minimal + "x",
    ] {
      #expect(StoredRecordJSON.decode(declined) == nil, "\(declined)")
    }
  }

  @Test func jsonlEscapesEveryControlCharacter() {
    for byte in 0..<0x20 {
      var out: [UInt8] = []
      JSONLEncoder.appendString(String(Character(Unicode.Scalar(UInt8(byte)))), to: &out)
      let text = String(decoding: out, as: UTF8.self)
      let short: [Int: String] = [8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"]
      #expect(text == "\"" + (short[byte] ?? String(format: "\\u%04x", byte)) + "\"")
    }
  }

  /// The eight-bytes-at-a-time string writer against `JSONEncoder` on random strings: long plain runs with a byte
  /// that needs escaping at every position of the eight, with and without slashes escaped.
  @Test func jsonStringsMatchFoundationOnRandomText() async throws {
    let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "€", "𝔄", "~"]
    await propertyCheck(count: 2000, input: Gen.uint64()) { seed in
      var rng = SplitMix64(seed: seed)
      var text = ""
      for _ in 0..<Int(rng.next() % 60) {
        let roll = rng.next() % 10
        text += roll < 7 ? String(repeating: "x", count: Int(rng.next() % 12)) : pieces[Int(rng.next() % 16)]
      }
      for escapeSlashes in [false, true] {
        let encoder = JSONEncoder()
        if !escapeSlashes { encoder.outputFormatting = .withoutEscapingSlashes }
        let expected = try? encoder.encode(text)
        var out: [UInt8] = []
        JSONLEncoder.appendString(text, to: &out, escapeSlashes: escapeSlashes)
        #expect(
          expected.map(Array.init) == out, "seed \(seed), escapeSlashes \(escapeSlashes): \(text.debugDescription)")
      }
    }
  }

  @Test(arguments: tricky)
  func csvCellBytesMatchCell(_ text: String) {
    var out: [UInt8] = []
    CSVEncoder.append(text, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == CSVEncoder.cell(text))
  }

  @Test(arguments: tricky)
  func risLineBytesMatchLine(_ text: String) {
    for tag in ["TI", "A", "ABC", "\r\n", text] {
      var out: [UInt8] = []
      RISEncoder.appendLine(tag, text, to: &out)
      #expect(String(decoding: out, as: UTF8.self) == RISEncoder.line(tag, text, keepLineBreaks: true))
    }
  }

  @Test(arguments: OutputFormat.allCases)
  func renderIsDeterministic(_ format: OutputFormat) {
    #expect(RecordText.render(Self.records, as: format) == RecordText.render(Self.records, as: format))
  }
}
