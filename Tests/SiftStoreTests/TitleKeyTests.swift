import Testing

@testable import SiftStore

/// The byte path of the title key gives what the Unicode-aware path gives.
@Suite("Title keys")
struct TitleKeyTests {
  static let titles: [String?] = [
    nil, "", "   ", "A Title", "Internet-delivered CBT: a randomised trial (2019)", "ÅNGSTRÖM über alles",
    "e\u{301}tude", "中文 标题 2020", "--", "ALL CAPS 123", "tab\tand\nnewline", "İstanbul", "ß",
  ]

  @Test("ASCII titles keep lower-cased letters and digits", arguments: titles)
  func matchesUnicodePath(title: String?) {
    #expect(StoreAccess.titleKey(title) == StoreAccess.titleKeySlowly(title))
  }

  @Test func examples() {
    #expect(StoreAccess.titleKey("Internet-delivered CBT: a trial (2019)") == "internetdeliveredcbtatrial2019")
    #expect(StoreAccess.titleKey(" -- ") == nil)
    #expect(StoreAccess.titleKey(nil) == nil)
  }

  @Test func everyASCIIByte() {
    for byte in 0..<0x80 {
      let title = "x" + String(Character(Unicode.Scalar(UInt8(byte)))) + "Y"
      #expect(StoreAccess.titleKey(title) == StoreAccess.titleKeySlowly(title), "byte \(byte)")
    }
  }
}
