import PropertyBased
import SiftCore
import Testing

@testable import SiftIngest

/// Random records (seeded, see ``RecordGenerator``) survive record → writer → reader with every normalised field.
@Suite struct PropertyRoundTripTests {
  /// The normalised fields of a record, compared field by field so a failure names the field.
  struct Normalised: Equatable, CustomStringConvertible {
    var type: String?
    var title: String?
    var authors: [String]
    var year: Int?
    var source: String?
    var volume: String?
    var issue: String?
    var pages: String?
    var doi: String?
    var pmid: String?
    var issn: [String]
    var isbn: [String]
    var abstract: String?
    var keywords: [String]
    var language: String?
    var urls: [String]

    init(_ r: Record) {
      type = r.type
      title = r.title
      authors = r.authors.map { "\($0.family)|\($0.given ?? "")" }
      year = r.year
      source = r.sourceTitle
      volume = r.volume
      issue = r.issue
      pages = r.pages
      doi = r.doi
      pmid = r.pmid
      issn = r.issn
      isbn = r.isbn
      abstract = r.abstract
      keywords = r.keywords
      language = r.language
      urls = r.urls
    }

    var description: String {
      String(describing: Mirror(reflecting: self).children.map { "\($0.label ?? ""): \($0.value)" })
    }
  }

  static let seeds: [UInt64] = Array(0..<200)
  /// Records per generated file: several, so record boundaries are exercised too.
  static let perFile = 3

  static func generated(_ seed: UInt64) -> [Record] {
    var generator = RecordGenerator(seed: seed)
    return (0..<perFile).map { _ in generator.record() }
  }

  static func read(_ text: String, _ reader: some RecordReader, name: String) throws -> [Record] {
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try reader.read(.memory(name: name, bytes: Array(text.utf8)), into: &sink)
    let errors = sink.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    return records
  }

  static func expectSame(
    _ original: [Record], _ back: [Record], seed: UInt64, adjust: (inout Normalised) -> Void = { _ in }
  ) {
    #expect(back.count == original.count, "seed \(seed)")
    for (a, b) in zip(original, back) {
      var expected = Normalised(a)
      adjust(&expected)
      var actual = Normalised(b)
      adjust(&actual)
      for (left, right) in zip(Mirror(reflecting: expected).children, Mirror(reflecting: actual).children) {
        #expect(
          String(describing: left.value) == String(describing: right.value),
          "seed \(seed), field \(left.label ?? "?")")
      }
    }
  }

  @Test func recordToRISToRecord() async {
    await propertyCheck(count: 200, input: Gen.uint64()) { seed in
      let original = Self.generated(seed)
      let back = try Self.read(RecordText.render(original, as: .ris), RISReader(), name: "p.ris")
      Self.expectSame(original, back, seed: seed)
    }
  }

  /// BibTeX holds one URL per entry (`url`); the rest are dropped by design.
  @Test func recordToBibTeXToRecord() async {
    await propertyCheck(count: 200, input: Gen.uint64()) { seed in
      let original = Self.generated(seed)
      let back = try Self.read(RecordText.render(original, as: .bibtex), BibTeXReader(), name: "p.bib")
      Self.expectSame(original, back, seed: seed) { $0.urls = Array($0.urls.prefix(1)) }
    }
  }

  @Test func recordToCSVToRecord() async {
    await propertyCheck(count: 200, input: Gen.uint64()) { seed in
      let original = Self.generated(seed)
      let back = try Self.read(RecordText.render(original, as: .csv), GenericCSVReader(), name: "p.csv")
      Self.expectSame(original, back, seed: seed)
    }
  }

  /// The formula guard: a cell a spreadsheet would run gets a leading `'`, which reads back as text.
  @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTab"])
  func csvGuardsFormulaCells(start: String) throws {
    let record = Record(title: start + " title", keywords: ["=cmd|' /C calc'!A0"])
    let text = RecordText.render([record], as: .csv)
    let rows = text.split(separator: "\r\n").map(String.init)
    #expect(rows.count == 2)
    let row = try #require(rows.last)
    for dangerous in ["=", "+", "-", "@", "\t"] {
      #expect(!row.hasPrefix(dangerous))
      #expect(!row.contains("," + dangerous), "a cell starts with \(dangerous): \(row)")
      #expect(!row.contains(",\"" + dangerous), "a quoted cell starts with \(dangerous): \(row)")
    }
    let back = try #require(try Self.read(text, GenericCSVReader(), name: "g.csv").first)
    #expect(back.title == "'" + start.trimmingSpaces + " title" || back.title == "'" + start + " title")
  }
}
