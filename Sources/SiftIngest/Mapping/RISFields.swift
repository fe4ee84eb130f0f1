import SiftCore

/// Maps RIS fields (any dialect) to a ``Record``.
public enum RISFields {
  static var cA1: UInt32 { 0x4131 }
  static var cA2: UInt32 { 0x4132 }
  static var cAB: UInt32 { 0x4142 }
  static var cAN: UInt32 { 0x414E }
  static var cAU: UInt32 { 0x4155 }
  static var cBN: UInt32 { 0x424E }
  static var cBT: UInt32 { 0x4254 }
  static var cC2: UInt32 { 0x4332 }
  static var cCP: UInt32 { 0x4350 }
  static var cCT: UInt32 { 0x4354 }
  static var cDA: UInt32 { 0x4441 }
  static var cDE: UInt32 { 0x4445 }
  static var cDI: UInt32 { 0x4449 }
  static var cDO: UInt32 { 0x444F }
  static var cED: UInt32 { 0x4544 }
  static var cEP: UInt32 { 0x4550 }
  static var cID: UInt32 { 0x4944 }
  static var cIS: UInt32 { 0x4953 }
  static var cJ1: UInt32 { 0x4A31 }
  static var cJ2: UInt32 { 0x4A32 }
  static var cJA: UInt32 { 0x4A41 }
  static var cJF: UInt32 { 0x4A46 }
  static var cJO: UInt32 { 0x4A4F }
  static var cKW: UInt32 { 0x4B57 }
  static var cL1: UInt32 { 0x4C31 }
  static var cL2: UInt32 { 0x4C32 }
  static var cL3: UInt32 { 0x4C33 }
  static var cLA: UInt32 { 0x4C41 }
  static var cLK: UInt32 { 0x4C4B }
  static var cM3: UInt32 { 0x4D33 }
  static var cN2: UInt32 { 0x4E32 }
  static var cPMID: UInt32 { 0x504D4944 }
  static var cPY: UInt32 { 0x5059 }
  static var cSN: UInt32 { 0x534E }
  static var cSP: UInt32 { 0x5350 }
  static var cST: UInt32 { 0x5354 }
  static var cT1: UInt32 { 0x5431 }
  static var cT2: UInt32 { 0x5432 }
  static var cT3: UInt32 { 0x5433 }
  static var cTI: UInt32 { 0x5449 }
  static var cTY: UInt32 { 0x5459 }
  static var cUR: UInt32 { 0x5552 }
  static var cVL: UInt32 { 0x564C }
  static var cVO: UInt32 { 0x564F }
  static var cY1: UInt32 { 0x5931 }
  static var cY2: UInt32 { 0x5932 }

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

    mutating func offer(_ code: UInt32, _ value: String) {
      func set(_ slot: inout String?) { if slot == nil { slot = value } }
      switch code {
      case RISFields.cTI: set(&ti)
      case RISFields.cT1: set(&t1)
      case RISFields.cCT: set(&ct)
      case RISFields.cBT: set(&bt)
      case RISFields.cST: set(&st)
      case RISFields.cT2: set(&t2)
      case RISFields.cJO: set(&jo)
      case RISFields.cJF: set(&jf)
      case RISFields.cJA: set(&ja)
      case RISFields.cJ1: set(&j1)
      case RISFields.cJ2: set(&j2)
      default: set(&t3)
      }
    }

    /// The record's title: `TI`, `T1`, `CT`, `BT` (books), `ST`.
    func title(isBook: Bool) -> String? {
      if let v = ti { return v }
      if let v = t1 { return v }
      if let v = ct { return v }
      if isBook, let v = bt { return v }
      return st
    }

    /// The source (journal, book, proceedings) title; `BT` only when it is not the title.
    func sourceTitle(title: String?) -> String? {
      if let v = jf { return v }
      if let v = t2 { return v }
      if let v = jo { return v }
      if let v = bt, v != title { return v }
      if let v = ja { return v }
      if let v = j2 { return v }
      if let v = j1 { return v }
      return t3
    }
  }

  /// What the scan learnt about a record's fields, so the mapping need not look again.
  struct Hints: Sendable {
    /// Whether some value may hold a line end (continuation lines); false means none does.
    var multiline = true
    /// How many author (`AU`, `A1`), keyword (`KW`, `DE`) and link (`UR`, `L1`, `L2`, `LK`) fields there are
    /// (for sizing arrays; 0 when unknown).
    var authors = 0
    var keywords = 0
    var urls = 0
  }

  /// Builds a record from RIS fields in file order; `fields` are kept verbatim.
  public static func record(_ fields: [Field]) -> Record {
    var memo = DatabaseRanking.Memo()
    var r = emptyRecord
    record(fields, memo: &memo, hints: Hints(), into: &r)
    return r
  }

  /// ``record(_:)`` for the records of one file in turn: `memo` keeps what repeated database values named. Maps
  /// into `r`, a copy of ``emptyRecord`` owned by the caller (returning the record cost a whole copy of it).
  static func record(_ fields: [Field], memo: inout DatabaseRanking.Memo, hints: Hints, into r: inout Record) {
    let multiline = hints.multiline
    r.fields = fields
    if hints.authors > 0 { r.authors.reserveCapacity(hints.authors) }
    if hints.keywords > 0 { r.keywords.reserveCapacity(hints.keywords) }
    if hints.urls > 0 { r.urls.reserveCapacity(hints.urls) }
    var titles = Titles()
    var startPage: String?
    var endPage: String?
    var editors: [Author] = []
    // The first non-empty PY, Y1, DA and Y2.
    var yearPY: String?
    var yearY1: String?
    var yearDA: String?
    var yearY2: String?
    // DOI: the first candidate (DO, DI, M3, L3, a doi.org link) that normalises.
    var doiFound = false
    // PMID: the last PMID/C2 of digits wins over the first PubMed link.
    var pmidTagged: String?
    var pmidLinked: String?
    var accessionID: String?
    var accessionAN: String?
    var ranking = DatabaseRanking(minimumRank: 0)
    var doi: String?
    // Captures `doi` and `doiFound` only (a capture of `r` could copy the record).
    func offerDOI(_ value: String) {
      if !doiFound, let normalized = FieldParsing.doi(value) {
        doi = normalized
        doiFound = true
      }
    }
    for index in fields.indices {
      let value = fields[index].value
      let code = fields[index].tagCode
      switch code {
      case Self.cTY:
        if r.type == nil, let v = FieldParsing.nonEmpty(value) { r.type = typeCode(v) }
      case Self.cTI, Self.cT1, Self.cCT, Self.cBT, Self.cST, Self.cT2, Self.cJO, Self.cJF, Self.cJA, Self.cJ1, Self.cJ2,
        Self.cT3:
        if let v = FieldParsing.nonEmpty(value) { titles.offer(code, multiline ? joinLines(v) : v) }
      case Self.cAU, Self.cA1:
        FieldParsing.appendAuthors(in: multiline ? joinLines(value) : value, to: &r.authors)
      case Self.cA2, Self.cED:
        FieldParsing.appendAuthors(in: multiline ? joinLines(value) : value, to: &editors)
      case Self.cPY:
        if yearPY == nil { yearPY = FieldParsing.nonEmpty(value) }
      case Self.cY1:
        if yearY1 == nil { yearY1 = FieldParsing.nonEmpty(value) }
      case Self.cDA:
        if yearDA == nil { yearDA = FieldParsing.nonEmpty(value) }
      case Self.cY2:
        if yearY2 == nil { yearY2 = FieldParsing.nonEmpty(value) }
      case Self.cVL, Self.cVO:
        if r.volume == nil { r.volume = FieldParsing.nonEmpty(value) }
      case Self.cIS, Self.cCP:
        if r.issue == nil { r.issue = FieldParsing.nonEmpty(value) }
      case Self.cSP:
        if startPage == nil { startPage = FieldParsing.nonEmpty(value) }
      case Self.cEP:
        if endPage == nil { endPage = FieldParsing.nonEmpty(value) }
      case Self.cDO, Self.cDI:
        offerDOI(value)
      case Self.cM3:
        if let v = FieldParsing.nonEmpty(value), FieldParsing.doi(v) == nil, v.utf8.count <= 40,
          !v.utf8.contains(where: { $0 == 0x5B || ($0 >= 0x30 && $0 <= 0x39) })
        {
          r.publicationTypes.append(v)
        }
        offerDOI(value)
      case Self.cUR:
        FieldParsing.appendURLs(in: value, to: &r.urls)
        if pmidLinked == nil, let pmid = pmidFromURL(value) { pmidLinked = pmid }
        if !doiFound, value.hasSubstring("doi.org/") { offerDOI(value) }
        ranking.consider(fields[index], memo: &memo)
      case Self.cL3:
        offerDOI(value)
      case Self.cL1, Self.cL2, Self.cLK:
        FieldParsing.appendURLs(in: value, to: &r.urls)
        ranking.consider(fields[index], memo: &memo)
      case Self.cSN:
        FieldParsing.appendISSNs(in: value, to: &r.issn)
        if value.utf8.count >= 10 { r.isbn += FieldParsing.isbns(in: value) }
      case Self.cBN:
        r.isbn += FieldParsing.isbns(in: value)
      case Self.cAB, Self.cN2:
        if r.abstract == nil, let v = FieldParsing.nonEmpty(value) { r.abstract = multiline ? joinLines(v) : v }
      case Self.cKW, Self.cDE:
        if multiline, FieldParsing.containsNewline(value) {
          for line in value.split(whereSeparator: \.isNewline) {
            if let v = FieldParsing.nonEmpty(String(line)) { r.keywords.append(v) }
          }
        } else if let v = FieldParsing.nonEmpty(value) {
          r.keywords.append(v)
        }
      case Self.cLA:
        if r.language == nil { r.language = FieldParsing.nonEmpty(value) }
      case Self.cPMID, Self.cC2:
        if let v = FieldParsing.nonEmpty(value), v.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          pmidTagged = v
        }
      case Self.cID:
        if accessionID == nil { accessionID = FieldParsing.nonEmpty(value) }
      case Self.cAN:
        if accessionAN == nil { accessionAN = FieldParsing.nonEmpty(value) }
        ranking.consider(fields[index], memo: &memo)
      default:
        ranking.consider(fields[index], memo: &memo)
      }
    }
    r.doi = doi
    r.accession = (accessionAN ?? accessionID).map { value in
      multiline && FieldParsing.containsNewline(value) ? String(value.split(whereSeparator: \.isNewline)[0]) : value
    }
    // No closures or autoclosures that capture `r` or `titles` below (each capture copied the whole value).
    let isBook = r.type == "BOOK"
    let title = titles.title(isBook: isBook)
    r.sourceTitle = titles.sourceTitle(title: title)
    r.title = title ?? titles.bt
    if r.authors.isEmpty, isBook || r.type == "EDBOOK" { r.authors = editors }
    r.year = firstYear(yearPY, yearY1, yearDA, yearY2)
    if startPage == "No", endPage == "Specified" {  // Ovid's "No Pagination Specified"
      startPage = nil
      endPage = nil
    }
    r.pages = FieldParsing.pages(start: startPage, end: endPage)
    r.database = ranking.name
    // PubMed-derived exports put the PMID in AN.
    r.pmid = pmidTagged ?? pmidLinked
    if r.pmid == nil, let an = accessionAN, an.utf8.count <= 9, an.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      r.database == "PubMed" || fields.contains(where: { $0.tag == "DP" && $0.value.hasSubstring("NLM") })
    {
      r.pmid = an
    }
    if r.issn.count > 1 { r.issn = unique(r.issn) }
    if r.isbn.count > 1 { r.isbn = unique(r.isbn) }
    if r.urls.count > 1 { r.urls = unique(r.urls) }
  }

  /// The year of the first of the values that holds one.
  private static func firstYear(_ a: String?, _ b: String?, _ c: String?, _ d: String?) -> Int? {
    if let a, let y = FieldParsing.year(a) { return y }
    if let b, let y = FieldParsing.year(b) { return y }
    if let c, let y = FieldParsing.year(c) { return y }
    if let d, let y = FieldParsing.year(d) { return y }
    return nil
  }

  /// A record with nothing set, copied for each record (cheaper than calling the initialiser with its defaults).
  static let emptyRecord = Record()

  /// A RIS type code for a type written out (`Journal Article` → `JOUR`); codes are upper-cased as they are.
  public static func typeCode(_ raw: String) -> String {
    var text = raw
    let isCode = text.withUTF8 { b in b.count <= 5 && b.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } }
    if isCode { return raw }
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
