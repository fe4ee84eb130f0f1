import SiftCore

/// Infers the database of origin from what exporters write (`DB  - Scopus`, `FN Clarivate`, `PMID-`, …).
public enum DatabaseInference {
  /// The database a whole file came from, judged from its decoded head; nil when it does not say.
  public static func infer(head: String, format: Format) -> String? {
    switch format {
    case .wosTagged: return "Web of Science"
    case .medline:
      if head.contains("OWN - ERIC") { return "ERIC" }
      return "PubMed"
    case .pubmedXML: return "PubMed"
    case .scopusCSV: return head.contains("Embase") || head.contains("Emtree") ? "Embase" : "Scopus"
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
      let value = field.value.lowercased()
      switch field.tag {
      case "DB", "Database":
        offer(4, databaseName(value))
      case "DP", "Provider":
        offer(3, providerName(value))
      case "UR", "L2", "LK", "L1":
        if value.contains("scopus.com") { offer(2, "Scopus") }
        if value.contains("webofscience") || value.contains("isiknowledge") { offer(2, "Web of Science") }
        if value.contains("ovidsp") || value.contains("ovid.com") {
          offer(2, value.contains("d=psyc") ? "PsycINFO" : value.contains("d=emed") ? "Embase" : "Ovid")
        }
        if value.contains("ebscohost") { offer(2, "EBSCOhost") }
        if value.contains("proquest.com") { offer(2, "ProQuest") }
        if value.contains("sciencedirect.com") { offer(2, "ScienceDirect") }
        if value.contains("onlinelibrary.wiley.com") { offer(1, "Wiley") }
      case "AN", "UT":
        if value.hasPrefix("wos:") { offer(2, "Web of Science") }
      case "WE":
        offer(2, "Web of Science")
      case "PB":
        if value.contains("john wiley") { offer(0, "Wiley") }
      default:
        break
      }
    }
    return best?.name
  }

  static func databaseName(_ lowered: String) -> String? {
    if lowered.contains("scopus") { return "Scopus" }
    if lowered == "psyh" || lowered.contains("psycinfo") || lowered.contains("apa psycinfo") { return "PsycINFO" }
    if lowered.contains("pubmed") || lowered.contains("medline") || lowered == "nlm" { return "PubMed" }
    if lowered.contains("embase") { return "Embase" }
    if lowered.contains("web of science") || lowered.contains("wos") { return "Web of Science" }
    if lowered.contains("cinahl") || lowered == "rzh" { return "CINAHL" }
    if lowered.contains("eric") { return "ERIC" }
    if lowered.contains("cochrane") { return "Cochrane Library" }
    if lowered.contains("academic search") || lowered == "aph" { return "Academic Search Premier" }
    if lowered.contains("proquest") { return "ProQuest" }
    if lowered.contains("sciencedirect") { return "ScienceDirect" }
    if lowered.isEmpty { return nil }
    return nil
  }

  static func providerName(_ lowered: String) -> String? {
    if lowered.contains("ebsco") { return "EBSCOhost" }
    if lowered.hasPrefix("ovid") || lowered.contains(" ovid") { return "Ovid" }
    if lowered.contains("proquest") { return "ProQuest" }
    if lowered.contains("american psychological association") { return "PsycINFO" }
    if lowered.contains("nlm") || lowered.contains("pubmed") { return "PubMed" }
    if lowered.contains("scopus") { return "Scopus" }
    if lowered.contains("clarivate") || lowered.contains("web of science") { return "Web of Science" }
    return nil
  }
}
