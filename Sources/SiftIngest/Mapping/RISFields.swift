import SiftCore

/// Maps RIS fields (any dialect) to a ``Record``.
public enum RISFields {
  /// Builds a record from RIS fields in file order; `fields` are kept verbatim.
  public static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var titles: [String: String] = [:]
    var sources: [String: String] = [:]
    var startPage: String?
    var endPage: String?
    var editors: [Author] = []
    var years: [String: String] = [:]
    var doiCandidates: [String] = []
    var pmidCandidates: [String] = []
    for field in fields {
      let value = field.value
      switch field.tag {
      case "TY":
        if r.type == nil, let v = FieldParsing.nonEmpty(value) { r.type = typeCode(v) }
      case "TI", "T1", "CT", "BT", "ST", "T2", "JO", "JF", "JA", "J1", "J2", "T3":
        if let v = FieldParsing.nonEmpty(value), titles[field.tag] == nil {
          titles[field.tag] = joinLines(v)
          sources[field.tag] = joinLines(v)
        }
      case "AU", "A1":
        r.authors += FieldParsing.authors(in: joinLines(value))
      case "A2", "ED":
        editors += FieldParsing.authors(in: joinLines(value))
      case "PY", "Y1", "DA", "Y2":
        if years[field.tag] == nil, let v = FieldParsing.nonEmpty(value) { years[field.tag] = v }
      case "VL", "VO":
        if r.volume == nil { r.volume = FieldParsing.nonEmpty(value) }
      case "IS", "CP":
        if r.issue == nil { r.issue = FieldParsing.nonEmpty(value) }
      case "SP":
        if startPage == nil { startPage = FieldParsing.nonEmpty(value) }
      case "EP":
        if endPage == nil { endPage = FieldParsing.nonEmpty(value) }
      case "DO", "DI":
        doiCandidates.insert(value, at: doiCandidates.count)
      case "M3", "L3", "UR":
        if field.tag == "M3", let v = FieldParsing.nonEmpty(value), Identifier.normalizeDOI(v) == nil,
          v.count <= 40, !v.contains("["), !v.contains(where: \.isNumber)
        {
          r.publicationTypes.append(v)
        }
        if field.tag == "UR" { r.urls += FieldParsing.urls(in: value) }
        if field.tag == "M3" || value.contains("doi.org/") { doiCandidates.append(value) }
        if field.tag == "UR", let pmid = pmidFromURL(value) { pmidCandidates.append(pmid) }
      case "L1", "L2", "LK":
        r.urls += FieldParsing.urls(in: value)
      case "SN":
        r.issn += FieldParsing.issns(in: value)
        r.isbn += FieldParsing.isbns(in: value)
      case "BN":
        r.isbn += FieldParsing.isbns(in: value)
      case "AB", "N2":
        if r.abstract == nil, let v = FieldParsing.nonEmpty(value) { r.abstract = joinLines(v) }
      case "KW", "DE":
        for line in value.split(whereSeparator: \.isNewline) {
          if let v = FieldParsing.nonEmpty(String(line)) { r.keywords.append(v) }
        }
      case "LA":
        if r.language == nil { r.language = FieldParsing.nonEmpty(value) }
      case "PMID", "C2":
        if let v = FieldParsing.nonEmpty(value), v.allSatisfy(\.isASCIIDigit) { pmidCandidates.insert(v, at: 0) }
      case "ID", "AN":
        if r.accession == nil { r.accession = FieldParsing.nonEmpty(value) }
      default:
        break
      }
    }
    r.title = titles["TI"] ?? titles["T1"] ?? titles["CT"] ?? (r.type == "BOOK" ? titles["BT"] : nil) ?? titles["ST"]
    r.sourceTitle =
      sources["JF"] ?? sources["T2"] ?? sources["JO"] ?? sources["BT"].flatMap { $0 == r.title ? nil : $0 }
      ?? sources["JA"] ?? sources["J2"] ?? sources["J1"] ?? sources["T3"]
    if r.title == nil { r.title = titles["BT"] }
    if r.authors.isEmpty, r.type == "BOOK" || r.type == "EDBOOK" { r.authors = editors }
    r.year = ["PY", "Y1", "DA", "Y2"].lazy.compactMap { years[$0].flatMap(FieldParsing.year) }.first
    if startPage == "No", endPage == "Specified" {  // Ovid's "No Pagination Specified"
      startPage = nil
      endPage = nil
    }
    r.pages = FieldParsing.pages(start: startPage, end: endPage)
    r.database = DatabaseInference.infer(fields: fields, format: .ris)
    if let accession = r.accession, let firstLine = accession.split(whereSeparator: \.isNewline).first {
      r.accession = String(firstLine)
    }
    r.doi = doiCandidates.lazy.compactMap(Identifier.normalizeDOI).first
    // PubMed-derived exports put the PMID in AN.
    if pmidCandidates.isEmpty, let an = r.accession, an.allSatisfy(\.isASCIIDigit), an.count <= 9,
      r.database == "PubMed" || fields.contains(where: { $0.tag == "DP" && $0.value.contains("NLM") })
    {
      pmidCandidates.append(an)
    }
    r.pmid = pmidCandidates.first
    r.issn = unique(r.issn)
    r.isbn = unique(r.isbn)
    r.urls = unique(r.urls)
    return r
  }

  /// A RIS type code for a type written out (`Journal Article` → `JOUR`); codes are upper-cased as they are.
  public static func typeCode(_ raw: String) -> String {
    let lowered = raw.lowercased()
    switch lowered {
    case "journal article", "article", "journal", "magazine article": return "JOUR"
    case "book", "whole book": return "BOOK"
    case "book section", "book chapter", "chapter": return "CHAP"
    case "conference paper", "conference proceedings", "conference proceeding", "proceedings": return "CONF"
    case "thesis", "dissertation": return "THES"
    case "report": return "RPRT"
    case "generic": return "GEN"
    default: return raw.uppercased()
    }
  }

  /// Continuation lines joined with spaces (for titles and abstracts).
  static func joinLines(_ value: String) -> String {
    guard value.contains("\n") else { return value }
    return value.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
  }

  static func pmidFromURL(_ value: String) -> String? {
    for marker in ["ncbi.nlm.nih.gov/pubmed/", "pubmed.ncbi.nlm.nih.gov/"] {
      guard let range = value.range(of: marker) else { continue }
      let digits = value[range.upperBound...].prefix(while: \.isASCIIDigit)
      if !digits.isEmpty { return String(digits) }
    }
    return nil
  }

  static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }
}
