import Foundation
import SiftCore
import Testing

/// A field's tag code is derived from its tag and never stored apart from it; a short ASCII tag is kept as its code
/// alone and spelled back from it.
@Suite("Field tag codes")
struct FieldTests {
  static let examples: [(tag: String, code: UInt32)] = [
    ("AU", 0x4155), ("TY", 0x5459), ("T1", 0x5431), ("PMID", 0x504D_4944), ("A", 0x41), ("", 0),
    ("DOI", 0x44_4F49), ("titles", 0x7469_746C | 0x8000_0000),
  ]

  @Test("code(of:) packs the first four bytes; longer tags get the top bit", arguments: examples)
  func codeOfTag(example: (tag: String, code: UInt32)) {
    #expect(Field.code(of: example.tag) == example.code)
    #expect(Field(example.tag, "value").tagCode == example.code)
  }

  @Test func changingTheTagChangesTheCode() {
    var field = Field("AU", "Andersson, G.")
    field.tag = "A1"
    #expect(field.tagCode == Field.code(of: "A1"))
    #expect(field == Field("A1", "Andersson, G."))
  }

  @Test func jsonHoldsTagAndValueOnly() throws {
    let field = Field("PMID", "123")
    let data = try JSONEncoder().encode(field)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    #expect(object == ["tag": "PMID", "value": "123"])
    let decoded = try JSONDecoder().decode(Field.self, from: data)
    #expect(decoded == field)
    #expect(decoded.tagCode == 0x504D_4944)
  }

  @Test func equalFieldsHashAlike() {
    let a = Field("TI", "A title")
    let b = Field("TI", "A title", tagCode: Field.code(of: "TI"))
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    #expect(a != Field("TI", "Another title"))
  }

  /// Tags of every kind come back byte for byte: short ASCII ones from their code, others as written.
  @Test(arguments: [
    "AU", "TY", "A", "PMID", "DOI", "T1", "ab", "%0", "", "titles/title", "Authors", "é", "ÉTÉ", "A\u{0}", "\u{0}A",
    "\u{212A}", "e\u{301}", "DE ", "12345",
  ])
  func tagComesBackAsWritten(tag: String) {
    let field = Field(tag, "value")
    #expect(Array(field.tag.utf8) == Array(tag.utf8))
    #expect(field.tagCode == Field.code(of: tag))
    var changed = Field("XX", "value")
    changed.tag = tag
    #expect(Array(changed.tag.utf8) == Array(tag.utf8))
    #expect(changed == field)
  }

  @Test func fieldSpelledByItsCodeIsTheSameField() {
    let spelled = Field(spelledBy: 0x504D_4944, "123")
    #expect(spelled.tag == "PMID")
    #expect(spelled == Field("PMID", "123"))
    #expect(Set([spelled, Field("PMID", "123")]).count == 1)
    #expect(Field(spelledBy: 0x4155, "x").tag == "AU")
    #expect(Field(spelledBy: 0x4155, "x") != Field(spelledBy: 0x4131, "x"))
  }

  /// Equality stays `String`'s: a tag compares equal to a canonically equivalent one, short or not.
  @Test func tagEqualityIsCanonicalEquivalence() {
    #expect(Field("\u{212A}", "v") == Field("K", "v"))  // KELVIN SIGN decomposes to K
    #expect(Set([Field("\u{212A}", "v"), Field("K", "v")]).count == 1)
    #expect(Field("é", "v") == Field("e\u{301}", "v"))
    #expect(Field("K", "v") != Field("k", "v"))
  }
}
