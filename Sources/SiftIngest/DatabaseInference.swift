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
    var lineCount = 0
    for line in head.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      lineCount += 1
      if lineCount > 400 { break }
      let text = line.trimmingSpaces
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
    var best: (rank: Int, name: String)?
    func offer(_ rank: Int, _ name: String?) {
      guard let name, rank >= minimumRank else { return }
      if best.map({ rank > $0.rank }) ?? true { best = (rank, name) }
    }
    for field in fields {
      if let best, best.rank >= 4 { break }  // a database tag: nothing ranks higher
      switch TagCode.of(field.tag) {
      // DB DP UR L2 LK L1 AN UT WE PB
      case 0x4442, 0x4450, 0x5552, 0x4C32, 0x4C4B, 0x4C31, 0x414E, 0x5554, 0x5745, 0x5042: break
      default: if field.tag.utf8.count <= 4 { continue }
      }
      // Links are matched as written (hosts are lower-case in practice); other values case-insensitively.
      let isLink = field.tag == "UR" || field.tag.hasPrefix("L")
      let value = isLink ? field.value : field.value.lowercased()
      switch field.tag {
      case "DB", "Database":
        offer(4, databaseName(value) ?? FieldParsing.nonEmpty(field.value))
      case "DP", "Provider":
        offer(3, providerName(value))
      case "UR", "L2", "LK", "L1":
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
      case "AN", "UT":
        if value.hasPrefix("wos:") { offer(2, "Web of Science") }
      case "WE":
        offer(2, "Web of Science")
      case "PB":
        if value.hasSubstring("john wiley") { offer(0, "Wiley") }
      default:
        break
      }
    }
    return best?.name
  }

  static func databaseName(_ lowered: String) -> String? {
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

  static func providerName(_ lowered: String) -> String? {
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
