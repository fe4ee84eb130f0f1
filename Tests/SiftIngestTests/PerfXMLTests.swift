import Foundation
import SiftCore
import Testing

@testable import SiftIngest

/// The byte-level text helpers of the XML readers agree with the `Character`/`Unicode.Scalar` definitions.
@Suite struct PerfXMLTests {
  /// Every Unicode `White_Space` scalar plus look-alikes that are not white space (U+200B, U+2060, U+FEFF, U+180E).
  static let spaces: [Unicode.Scalar] = [
    "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
    "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
  ]
  static let nonSpaces: [Unicode.Scalar] = [
    "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{180E}", "\u{2030}", "\u{3001}", "é", "a",
  ]

  /// The reference: collapse by Unicode scalar properties.
  static func reference(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
  }

  static let samples: [String] = {
    var samples = ["", " ", "plain", " lead", "trail ", "a  b", "a\tb", "a\r\nb", "  x \n y  ", "中文 \u{3000} 文"]
    for s in spaces + nonSpaces {
      samples.append("a\(s)b")
      samples.append("\(s)x\(s)\(s)y\(s)")
      samples.append("😀\(s)é\u{301}")
    }
    return samples
  }()

  @Test(arguments: samples)
  func collapseMatchesScalarDefinition(_ text: String) {
    #expect(FieldText.collapse(text) == Self.reference(text))
  }

  /// The eight-bytes-at-a-time check agrees with the reference wherever the sample falls in a word, including
  /// a double space or a white space character across two words.
  @Test(arguments: samples)
  func collapseMatchesAtEveryAlignment(_ text: String) {
    for pad in 0..<9 {
      let long = String(repeating: "x", count: pad) + "ab " + text + " cd" + String(repeating: "y", count: 9 - pad)
      #expect(FieldText.collapse(long) == Self.reference(long), "pad \(pad)")
      let joined = String(repeating: "z", count: pad) + text + String(repeating: "w", count: 16 - pad)
      #expect(FieldText.collapse(joined) == Self.reference(joined), "pad \(pad)")
    }
  }

  @Test func isCollapsedIsExactForCleanText() {
    for text in ["a", "ab cd ef gh ij kl", "0123456789abcdef", "é à ü 中文 text", "x-y z"] {
      let clean = text.utf8.withContiguousStorageIfAvailable(FieldText.isCollapsed) ?? false
      #expect(clean, "\(text)")
    }
    for text in ["", " a", "a ", "abcdefg  hijklmn", "abcdefgh\tijk", "abc\u{A0}defghijk", "abcdefghijklmno\n"] {
      let clean = Array(text.utf8).withUnsafeBufferPointer(FieldText.isCollapsed)
      #expect(!clean, "\(text)")
    }
  }

  @Test func whiteSpaceTableMatchesUnicode() {
    for value in 0..<0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a\(scalar)b"
      #expect(FieldText.collapse(text) == Self.reference(text), "U+\(String(value, radix: 16))")
    }
  }

  @Test(arguments: samples + ["x", "a b", "(x)", "\u{7F}x"])
  func trimmedMatchesTrimmingSpaces(_ text: String) {
    #expect(FieldText.trimmed(text) == text.trimmingSpaces)
  }

  @Test func endnoteKeywordsSplitAndCollapse() throws {
    let xml = """
      <xml><records><record><titles><title>T</title></titles><keywords>\
      <keyword><style>  one  keyword </style></keyword><keyword>a; b\nc\r\nd</keyword><keyword> </keyword>\
      </keywords></record></records></xml>
      """
    let (records, _) = try StructTestIO.read(EndNoteXMLReader(), name: "k.xml", text: xml)
    let record = try #require(records.first)
    #expect(record.keywords == ["one keyword", "a", "b", "c", "d"])
    #expect(record.type == "GEN")
  }
}
