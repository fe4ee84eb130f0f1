import SiftCore

/// Maps RIS fields (any dialect) to a ``Record``.
public enum RISFields {
  /// The first non-empty value of each title-like tag, by priority.
  private struct Titles {
    var ti: String?
    var t1: String?
    var ct: String?
    var bt: String?
    var st: String?
    var t2: String?
    var jo: String?
    var jf: String?
    var ja: String?
    var j1: String?
    var j2: String?
    var t3: String?

    mutating func offer(_ tag: String, _ value: String) {
      func set(_ slot: inout String?) { if slot == nil { slot = value } }
      switch tag {
      case "TI": set(&ti)
      case "T1": set(&t1)
      case "CT": set(&ct)
      case "BT": set(&bt)
      case "ST": set(&st)
      case "T2": set(&t2)
      case "JO": set(&jo)
      case "JF": set(&jf)
      case "JA": set(&ja)
      case "J1": set(&j1)
      case "J2": set(&j2)
      default: set(&t3)
      }
    }
  }

  /// Builds a record from RIS fields in file order; `fields` are kept verbatim.
  public static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var titles = Titles()
    var startPage: String?
    var endPage: String?
    var editors: [Author] = []
    var years: [String?] = [nil, nil, nil, nil]
    var doiCandidates: [String] = []
    var pmidCandidates: [String] = []
    var accessionID: String?
    var accessionAN: String?
    for field in fields {
      let value = field.value
      switch field.tag {
      case "TY":
        if r.type == nil, let v = FieldParsing.nonEmpty(value) { r.type = typeCode(v) }
      case "TI", "T1", "CT", "BT", "ST", "T2", "JO", "JF", "JA", "J1", "J2", "T3":
        if let v = FieldParsing.nonEmpty(value) { titles.offer(field.tag, joinLines(v)) }
      case "AU", "A1":
        r.authors += FieldParsing.authors(in: joinLines(value))
      case "A2", "ED":
        editors += FieldParsing.authors(in: joinLines(value))
      case "PY", "Y1", "DA", "Y2":
        let slot = ["PY", "Y1", "DA", "Y2"].firstIndex(of: field.tag) ?? 0
        if years[slot] == nil, let v = FieldParsing.nonEmpty(value) { years[slot] = v }
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
      case "M3":
        if let v = FieldParsing.nonEmpty(value), FieldParsing.doi(v) == nil, v.utf8.count <= 40,
          !v.utf8.contains(where: { $0 == 0x5B || ($0 >= 0x30 && $0 <= 0x39) })
        {
          r.publicationTypes.append(v)
        }
        doiCandidates.append(value)
      case "UR", "L3":
        if field.tag == "UR" {
          r.urls += FieldParsing.urls(in: value)
          if let pmid = pmidFromURL(value) { pmidCandidates.append(pmid) }
        }
        if field.tag == "L3" || value.hasSubstring("doi.org/") { doiCandidates.append(value) }
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
        if FieldParsing.containsNewline(value) {
          for line in value.split(whereSeparator: \.isNewline) {
            if let v = FieldParsing.nonEmpty(String(line)) { r.keywords.append(v) }
          }
        } else if let v = FieldParsing.nonEmpty(value) {
          r.keywords.append(v)
        }
      case "LA":
        if r.language == nil { r.language = FieldParsing.nonEmpty(value) }
      case "PMID", "C2":
        if let v = FieldParsing.nonEmpty(value), v.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          pmidCandidates.insert(v, at: 0)
        }
      case "ID":
        if accessionID == nil { accessionID = FieldParsing.nonEmpty(value) }
      case "AN":
        if accessionAN == nil { accessionAN = FieldParsing.nonEmpty(value) }
      default:
        break
      }
    }
    r.accession = (accessionAN ?? accessionID).map { value in
      FieldParsing.containsNewline(value) ? String(value.split(whereSeparator: \.isNewline)[0]) : value
    }
    r.title = titles.ti ?? titles.t1 ?? titles.ct ?? (r.type == "BOOK" ? titles.bt : nil) ?? titles.st
    r.sourceTitle =
      titles.jf ?? titles.t2 ?? titles.jo ?? titles.bt.flatMap { $0 == r.title ? nil : $0 } ?? titles.ja
      ?? titles.j2 ?? titles.j1 ?? titles.t3
    if r.title == nil { r.title = titles.bt }
    if r.authors.isEmpty, r.type == "BOOK" || r.type == "EDBOOK" { r.authors = editors }
    r.year = years.lazy.compactMap { $0.flatMap(FieldParsing.year) }.first
    if startPage == "No", endPage == "Specified" {  // Ovid's "No Pagination Specified"
      startPage = nil
      endPage = nil
    }
    r.pages = FieldParsing.pages(start: startPage, end: endPage)
    r.database = DatabaseInference.infer(fields: fields, format: .ris)
    r.doi = doiCandidates.lazy.compactMap(FieldParsing.doi).first
    // PubMed-derived exports put the PMID in AN.
    if pmidCandidates.isEmpty, let an = accessionAN, an.utf8.count <= 9,
      an.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      r.database == "PubMed" || fields.contains(where: { $0.tag == "DP" && $0.value.hasSubstring("NLM") })
    {
      pmidCandidates.append(an)
    }
    r.pmid = pmidCandidates.first
    if r.issn.count > 1 { r.issn = unique(r.issn) }
    if r.isbn.count > 1 { r.isbn = unique(r.isbn) }
    if r.urls.count > 1 { r.urls = unique(r.urls) }
    return r
  }

  /// A RIS type code for a type written out (`Journal Article` → `JOUR`); codes are upper-cased as they are.
  public static func typeCode(_ raw: String) -> String {
    if raw.utf8.count <= 5, raw.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return raw }
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
    guard FieldParsing.containsNewline(value) else { return value }
    return value.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
  }

  static func pmidFromURL(_ value: String) -> String? {
    guard value.hasSubstring("pubmed") else { return nil }
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
