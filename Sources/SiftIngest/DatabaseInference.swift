import SiftCore

/// Infers the database of origin from what exporters write (`DB  - Scopus`, `FN Clarivate`, `PMID-`, …).
public enum DatabaseInference {
  /// The database a whole file came from, judged from its decoded head; nil when it does not say.
  public static func infer(head: String, format: Format) -> String? {
    switch format {
    case .wosTagged: return "Web of Science"
    case .medline:
      if head.hasSubstring("OWN - ERIC") { return "ERIC" }
      return "PubMed"
    case .pubmedXML: return "PubMed"
    case .scopusCSV: return head.hasSubstring("Embase") || head.hasSubstring("Emtree") ? "Embase" : "Scopus"
    case .ovid: return "Ovid"
    default: break
    }
    var fields: [Field] = []
    HeadLines.forEach(head, limit: 400) { line in
      // Only a line whose trimmed text starts with D or P can name a database (DB, DP, Database:, Provider:);
      // others are skipped without decoding (a non-ASCII start goes the slow way).
      var i = 0
      while i < line.count, line[i] == 0x20 || (line[i] >= 0x09 && line[i] <= 0x0D) { i += 1 }
      guard i < line.count, line[i] == 0x44 || line[i] == 0x50 || line[i] >= 0x80 else { return }
      let text = String(decoding: line, as: UTF8.self).trimmingSpaces
      if let dash = text.range(of: "  - ") ?? text.range(of: " - "),
        text.distance(from: text.startIndex, to: dash.lowerBound) <= 4
      {
        fields.append(Field(String(text[..<dash.lowerBound]), String(text[dash.upperBound...]).trimmingSpaces))
      } else if let colon = text.firstIndex(of: ":"), ["Provider", "Database"].contains(String(text[..<colon])) {
        fields.append(Field(String(text[..<colon]), String(text[text.index(after: colon)...]).trimmingSpaces))
      }
    }
    // A link or publisher in one record says nothing about the whole file.
    return infer(fields: fields, minimumRank: 3)
  }

  /// The database one record came from, judged from its fields; nil when they do not say.
  /// A database tag (`DB`) wins over a provider (`DP`), which wins over links, which win over the publisher.
  public static func infer(fields: [Field], format: Format) -> String? {
    infer(fields: fields, minimumRank: 0)
  }

  static func infer(fields: [Field], minimumRank: Int) -> String? {
    var ranking = DatabaseRanking(minimumRank: minimumRank)
    var memo = DatabaseRanking.Memo()
    for field in fields {
      if ranking.isSettled { break }
      ranking.consider(field, memo: &memo)
    }
    return ranking.name
  }

  static func databaseName(_ lowered: String) -> String? {
    databaseName(FoldedText(lowered))
  }

  static func providerName(_ lowered: String) -> String? {
    providerName(FoldedText(lowered))
  }

  static func databaseName(_ lowered: FoldedText) -> String? {
    if lowered.hasSubstring("scopus") { return "Scopus" }
    if lowered == "psyh" || lowered.hasSubstring("psycinfo") || lowered.hasSubstring("apa psycinfo") {
      return "PsycINFO"
    }
    if lowered.hasSubstring("pubmed") || lowered.hasSubstring("medline") || lowered == "nlm" { return "PubMed" }
    if lowered.hasSubstring("embase") { return "Embase" }
    if lowered.hasSubstring("web of science") || lowered.hasSubstring("wos") { return "Web of Science" }
    if lowered.hasSubstring("cinahl") || lowered == "rzh" { return "CINAHL" }
    if lowered.hasSubstring("eric") { return "ERIC" }
    if lowered.hasSubstring("cochrane") { return "Cochrane Library" }
    if lowered.hasSubstring("academic search") || lowered == "aph" { return "Academic Search Premier" }
    if lowered.hasSubstring("proquest") { return "ProQuest" }
    if lowered.hasSubstring("sciencedirect") { return "ScienceDirect" }
    if lowered.isEmpty { return nil }
    return nil
  }

  static func providerName(_ lowered: FoldedText) -> String? {
    if lowered.hasSubstring("ebsco") { return "EBSCOhost" }
    if lowered.hasPrefix("ovid") || lowered.hasSubstring(" ovid") { return "Ovid" }
    if lowered.hasSubstring("proquest") { return "ProQuest" }
    if lowered.hasSubstring("american psychological association") { return "PsycINFO" }
    if lowered.hasSubstring("nlm") || lowered.hasSubstring("pubmed") { return "PubMed" }
    if lowered.hasSubstring("scopus") { return "Scopus" }
    if lowered.hasSubstring("clarivate") || lowered.hasSubstring("web of science") { return "Web of Science" }
    return nil
  }
}

/// The best database guess so far while a record's fields go by, one field at a time (see
/// ``DatabaseInference/infer(fields:format:)``): a database tag (`DB`, rank 4) wins over a provider (`DP`, 3), which
/// wins over links (2, Wiley 1), which win over the publisher (0); among equal ranks the first field wins.
struct DatabaseRanking {
  var minimumRank: Int
  private var rank = -1
  /// The database named by the best field so far.
  private(set) var name: String?

  init(minimumRank: Int) {
    self.minimumRank = minimumRank
  }

  /// A database tag was seen: nothing ranks higher, later fields need not be considered.
  var isSettled: Bool { rank >= 4 }

  private mutating func offer(_ rank: Int, _ name: String?) {
    guard let name, rank >= minimumRank, rank > self.rank else { return }
    self.rank = rank
    self.name = name
  }

  /// The last `DB`, `DP` and `PB` values and what they named: one file repeats the same few values in every record.
  struct Memo {
    var database: (value: String, name: String?)?
    var provider: (value: String, name: String?)?
    var publisher: (value: String, isWiley: Bool)?
  }

  /// Considers one field (its tag is read only when it is longer than four bytes).
  mutating func consider(_ field: Field, memo: inout Memo) {
    guard !isSettled else { return }
    let code = field.tagCode
    let value = field.value
    switch code {
    case 0x4442:  // DB
      if let known = memo.database, ByteSearch.sameBytes(known.value, value) {
        offer(4, known.name)
      } else {
        let name = DatabaseInference.databaseName(FoldedText(value)) ?? FieldParsing.nonEmpty(value)
        memo.database = (value, name)
        offer(4, name)
      }
    case 0x4450:  // DP
      if let known = memo.provider, ByteSearch.sameBytes(known.value, value) {
        offer(3, known.name)
      } else {
        let name = DatabaseInference.providerName(FoldedText(value))
        memo.provider = (value, name)
        offer(3, name)
      }
    case 0x5552, 0x4C32, 0x4C4B, 0x4C31:  // UR L2 LK L1: links are matched as written (hosts are lower-case)
      guard rank < 2 else { return }
      if value.hasSubstring("scopus.com") { offer(2, "Scopus") }
      if value.hasSubstring("webofscience") || value.hasSubstring("isiknowledge") { offer(2, "Web of Science") }
      if value.hasSubstring("ovidsp") || value.hasSubstring("ovid.com") {
        offer(
          2,
          (value.hasSubstring("D=psyc") || value.hasSubstring("d=psyc"))
            ? "PsycINFO" : (value.hasSubstring("D=emed") || value.hasSubstring("d=emed")) ? "Embase" : "Ovid")
      }
      if value.hasSubstring("ebscohost") { offer(2, "EBSCOhost") }
      if value.hasSubstring("proquest.com") { offer(2, "ProQuest") }
      if value.hasSubstring("sciencedirect.com") { offer(2, "ScienceDirect") }
      if value.hasSubstring("onlinelibrary.wiley.com") { offer(1, "Wiley") }
    case 0x414E, 0x5554:  // AN UT
      if rank < 2, FoldedText(value).hasPrefix("wos:") { offer(2, "Web of Science") }
    case 0x5745:  // WE
      offer(2, "Web of Science")
    case 0x5042:  // PB
      guard rank < 0 else { return }
      let isWiley: Bool
      if let known = memo.publisher, ByteSearch.sameBytes(known.value, value) {
        isWiley = known.isWiley
      } else {
        isWiley = FoldedText(value).hasSubstring("john wiley")
        memo.publisher = (value, isWiley)
      }
      if isWiley { offer(0, "Wiley") }
    default:
      // Long names from file heads and other formats (codes of tags longer than four bytes have the top bit set).
      guard code & 0x8000_0000 != 0 else { return }
      let tag = field.tag
      if tag == "Database" {
        offer(4, DatabaseInference.databaseName(FoldedText(value)) ?? FieldParsing.nonEmpty(value))
      } else if tag == "Provider" {
        offer(3, DatabaseInference.providerName(FoldedText(value)))
      }
    }
  }
}

/// A value compared case-insensitively with lower-case ASCII needles, as `value.lowercased()` would be, without
/// making the lower-cased copy when the value is ASCII.
struct FoldedText {
  private let text: String
  private let ascii: Bool

  init(_ value: String) {
    var copy = value
    let ascii = copy.withUTF8 { b in !b.contains { $0 >= 0x80 } }
    self.ascii = ascii
    self.text = ascii ? value : value.lowercased()
  }

  var isEmpty: Bool { text.isEmpty }

  /// Whether the lower-cased value contains `needle` (lower-case ASCII).
  func hasSubstring(_ needle: String) -> Bool {
    guard ascii else { return text.hasSubstring(needle) }
    var hay = text
    var pattern = needle
    return hay.withUTF8 { h in pattern.withUTF8 { ByteSearch.containsFoldingASCII(h, $0) } }
  }

  /// Whether the lower-cased value starts with `needle` (lower-case ASCII).
  func hasPrefix(_ needle: String) -> Bool {
    guard ascii else { return text.hasPrefix(needle) }
    var hay = text
    var pattern = needle
    return hay.withUTF8 { h in
      pattern.withUTF8 { p in
        h.count >= p.count && ByteSearch.equalFoldingASCII(UnsafeBufferPointer(rebasing: h[..<p.count]), p)
      }
    }
  }

  /// Whether the lower-cased value is `needle` (lower-case ASCII).
  static func == (lhs: FoldedText, needle: String) -> Bool {
    guard lhs.ascii else { return lhs.text == needle }
    var hay = lhs.text
    var pattern = needle
    return hay.withUTF8 { h in pattern.withUTF8 { ByteSearch.equalFoldingASCII(h, $0) } }
  }
}
