import Foundation
import Testing

@testable import SiftCore

/// The byte-level `Author.parse`, `Identifier.normalizeDOI` and `trimmingSpaces` give exactly what the former
/// Character-based versions (copied below) gave.
@Suite struct ByteParsingEquivalenceTests {
  /// `Author.parse` as it was before the byte-level split.
  static func legacyAuthor(_ raw: String) -> Author {
    let text = legacyTrim(raw)
    if let comma = text.firstIndex(of: ",") {
      let family = legacyTrim(String(text[..<comma]))
      let given = legacyTrim(String(text[text.index(after: comma)...]))
      return Author(asWritten: text, family: family, given: given.isEmpty ? nil : given)
    }
    let parts = text.split(separator: " ").map(String.init)
    guard parts.count > 1, let last = parts.last else {
      return Author(asWritten: text, family: text, given: nil)
    }
    if last.count <= 3, last.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" }) {
      return Author(asWritten: text, family: parts.dropLast().joined(separator: " "), given: last)
    }
    var familyStart = parts.count - 1
    while familyStart > 1, Author.particles.contains(parts[familyStart - 1]) { familyStart -= 1 }
    return Author(
      asWritten: text, family: parts[familyStart...].joined(separator: " "),
      given: parts[..<familyStart].joined(separator: " "))
  }

  /// `Identifier.normalizeDOI` as it was before the byte-level path.
  static func legacyDOI(_ raw: String) -> String? {
    var s = legacyTrim(raw).lowercased()
    guard let range = s.range(of: "10.") else { return nil }
    s = String(s[range.lowerBound...])
    if let ws = s.firstIndex(where: { $0.isWhitespace }) { s = String(s[..<ws]) }
    while let last = s.last, ".,;)]>\"'".contains(last) { s.removeLast() }
    guard s.contains("/"), s.count > 4 else { return nil }
    return s
  }

  /// `trimmingSpaces` as it was before its fast path.
  static func legacyTrim(_ text: String) -> String {
    var s = Substring(text)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }

  /// Compares UTF-8 bytes too: `==` on strings only checks canonical equivalence.
  static func same(_ a: Author, _ b: Author) -> Bool {
    Array(a.asWritten.utf8) == Array(b.asWritten.utf8) && Array(a.family.utf8) == Array(b.family.utf8)
      && a.given.map { Array($0.utf8) } == b.given.map { Array($0.utf8) }
  }

  static let names = [
    "Andersson, Gerhard", "Bergman Nordgren L", "Charlotte M. van Lotringen", "Valle-Delgado,J. J. ",
    "Peter M. ten Klooster", "  Øvergaard,  José ", "José Øvergaard", "Müller ÄÖ", "Dvořák A", "Łukasz Żak",
    "Ĳsselmeer ĸ", "van der Berg, Jan", "Jan van der Berg", "Ludwig van Beethoven", "de la Cruz", "Anonymous", "",
    " ", ",", "Family,", ", Given", "A B  C", "A  B", "Smith\u{A0}J", "Smith J\u{A0}", "\u{85}Smith, J\u{85}",
    "Smith\tJ", "Smith\r\nJ", "Smith J\r\n", "Smith É", "Smith ÉÀ.", "Smith É.-", "Smith ÉÀÖÜ", "Smith ǅ", "Smith ß",
    "José\u{301} Garcia", "Garcia J\u{301}", "Garcia, J\u{301}", "Ng\u{301}, A", "ﬁnley A", "Ω Ohm", "Smith ΑΒ",
    "Ivanov И", "Иванов, Иван", "山田 太郎", "Kim\u{200B} J", "O'Brien, Seán", "Van't Hoff, J", "Jacobus van't Hoff",
    "van Lotringen", "A van B", "Smith JR.", "Smith J-P", "Smith -", "Smith ...", "Smith.", "\u{FEFF}Smith, J",
    "Smith,\u{2009}J", "Smith\u{2003}J", "Jan ten ter Berg", "x\0van y",
  ]

  @Test(arguments: names)
  func authorMatchesLegacy(raw: String) {
    let new = Author.parse(raw)
    let old = Self.legacyAuthor(raw)
    #expect(Self.same(new, old), "\(raw.debugDescription): \(new) vs \(old)")
  }

  static let dois = [
    "10.2196/JMIR.1848", "https://doi.org/10.1002/cpp.2014", "http://dx.doi.org/10.1186/1471-244X-7-13",
    "https://dx.doi.org/10.1186/ABC", "doi:10.1016/j.invent.2014.04.002.", "DOI: 10.1016/J.X.2014).",
    "10.1055/s-0033-1343320 [doi]", "", "n/a", "not a doi", "10.", "10.1/", "10.1/x", "10.12/x", "  10.1000/ABC;\"'",
    "10.1000/abc\r\n", "10.1000/abc\tdef", "(10.1000/abc)", "10.1000/abc>", "x10.1000/A", "10.1000", "10.10.1000/x",
    "10.1000/é", "10.1000/ÉTUDE", "doi：10.1000/x", "10.1000/x\u{A0}y", "10.1000/x\u{2009}y", "10.1000/x.\u{301}",
    "\u{A0}10.1000/X\u{A0}", "10.1000/İ", "1０.1000/x", "10.1000/ß", "10.1000/a]", "ref 10.1000/a, 10.2000/b",
  ]

  @Test(arguments: dois)
  func doiMatchesLegacy(raw: String) {
    let new = Identifier.normalizeDOI(raw)
    let old = Self.legacyDOI(raw)
    #expect(new.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(raw.debugDescription)")
  }

  /// Random strings over an alphabet of the characters that matter (seeded: the same strings every run).
  static func randomStrings(count: Int, alphabet: [String], maxLength: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    return (0..<count).map { _ in
      let length = next() % (maxLength + 1)
      return (0..<length).map { _ in alphabet[next() % alphabet.count] }.joined()
    }
  }

  @Test func randomNamesMatchLegacy() {
    let alphabet = [
      "a", "Z", "J", " ", " ", ",", ".", "-", "van", "de", "van't", "É", "é", "Ø", "ĸ", "ǅ", "ß", "\u{A0}", "\t",
      "\r", "\n", "\u{85}", "\u{301}", "И", "ten", "A", "B",
    ]
    for raw in Self.randomStrings(count: 5000, alphabet: alphabet, maxLength: 12, seed: 7) {
      let new = Author.parse(raw)
      let old = Self.legacyAuthor(raw)
      #expect(Self.same(new, old), "\(raw.debugDescription): \(new) vs \(old)")
    }
  }

  @Test func randomDOIsMatchLegacy() {
    let alphabet = [
      "1", "0", ".", "/", "x", "X", " ", "\t", "\r\n", ",", ";", ")", "]", ">", "\"", "'", "doi:", "https://doi.org/",
      "é", "\u{A0}", "10.", "1000",
    ]
    for raw in Self.randomStrings(count: 5000, alphabet: alphabet, maxLength: 10, seed: 11) {
      let new = Identifier.normalizeDOI(raw)
      let old = Self.legacyDOI(raw)
      #expect(new.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(raw.debugDescription)")
    }
  }

  @Test func randomTrimsMatchLegacy() {
    let alphabet = ["a", " ", "\t", "\r", "\n", "\u{A0}", "\u{301}", "é", "\u{2003}", "~", "\u{600}", "\u{1F}"]
    for raw in Self.randomStrings(count: 3000, alphabet: alphabet, maxLength: 6, seed: 3) {
      #expect(Array(raw.trimmingSpaces.utf8) == Array(Self.legacyTrim(raw).utf8), "\(raw.debugDescription)")
      let sub = raw.dropFirst(0)
      #expect(Array(sub.trimmingSpaces.utf8) == Array(Self.legacyTrim(raw).utf8), "\(raw.debugDescription)")
    }
  }
}
