import SiftExtract
import Testing

@Suite struct ValueCodecTests {
  static let number = FormColumn(id: "x", type: .number)
  static let integer = FormColumn(id: "n", type: .integer)
  static let percentage = FormColumn(id: "p", type: .percentage, unit: "% female")
  static let meanSD = FormColumn(id: "age", type: .meanSD)
  static let closed = FormColumn(id: "c", type: .category, values: ["RCT", "open trial"])
  static let open = FormColumn(id: "o", type: .category, values: ["weekly"], open: true)
  static let flag = FormColumn(id: "s", type: .category, values: ["yes", "no"])

  @Test func numbersKeepTheirWrittenDigits() throws {
    let parsed = ValueCodec.parse("40.0", for: Self.number)
    #expect(parsed.error == nil)
    #expect(ValueCodec.write(try #require(parsed.value)) == "40.0")
    #expect(ValueCodec.parse("−0.47", for: Self.number).value?.number == -0.47)
    #expect(ValueCodec.parse(".98", for: Self.number).value?.number == 0.98)
  }

  @Test(arguments: ["101 participants", "85,26", "", "1.2.3", "abc"])
  func nonNumbersAreErrors(text: String) {
    #expect(ValueCodec.parse(text, for: Self.number).error != nil)
  }

  @Test func integersRejectDecimals() {
    #expect(ValueCodec.parse("88", for: Self.integer).value?.number == 88)
    #expect(ValueCodec.parse("88.5", for: Self.integer).error != nil)
  }

  @Test func percentagesAcceptASignAndPrintTheUnit() throws {
    let parsed = try #require(ValueCodec.parse("75%", for: Self.percentage).value)
    #expect(ValueCodec.printed(parsed, for: Self.percentage) == "75% female")
    #expect(ValueCodec.parse("120", for: Self.percentage).error != nil)
  }

  @Test(arguments: [
    ("38.9 (13.5)", 38.9 as Double?, 13.5 as Double?, "38.9 (13.5)"),
    ("n.a. (0.80)", nil, 0.8, "n.a. (0.80)"),
    ("35 (n.a.)", 35, nil, "35 (n.a.)"),
    ("35", 35, nil, "35"),
  ])
  func meanSDParts(text: String, mean: Double?, sd: Double?, written: String) throws {
    let value = try #require(ValueCodec.parse(text, for: Self.meanSD).value)
    #expect(value.number == mean)
    #expect(value.sd == sd)
    #expect(ValueCodec.write(value) == written)
  }

  @Test func notAvailableIsItsOwnValue() {
    for column in [Self.number, Self.meanSD, Self.closed, FormColumn(id: "t", type: .text)] {
      #expect(ValueCodec.parse("n.a.", for: column).value == .notAvailable)
    }
  }

  @Test func categoriesMatchCaseInsensitivelyAndKeepTheFormSpelling() {
    #expect(ValueCodec.parse("rct", for: Self.closed).value == .category("RCT"))
    #expect(ValueCodec.parse("cohort", for: Self.closed).error != nil)
    let open = ValueCodec.parse("fortnightly", for: Self.open)
    #expect(open.value == .category("fortnightly"))
    #expect(open.warnings.count == 1)
    #expect(ValueCodec.parse("true", for: Self.flag).value == .category("yes"))
  }

  @Test func multiCategoriesSplitOnSemicolons() {
    let column = FormColumn(id: "m", type: .multiCategory, values: ["anxiety", "depression"])
    #expect(ValueCodec.parse("Anxiety; depression", for: column).value == .categories(["anxiety", "depression"]))
    #expect(ValueCodec.parse("anxiety; mania", for: column).error != nil)
  }
}
