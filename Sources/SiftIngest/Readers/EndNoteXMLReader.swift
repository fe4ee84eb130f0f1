import Foundation
import SiftCore

/// Reads EndNote XML exports (`<xml><records><record>…`), streaming one record at a time with libxml2.
public struct EndNoteXMLReader: RecordReader {
  public let format = Format.endnoteXML

  /// How the XML is parsed (tests force one parser or a chunk size).
  var xmlOptions = XMLReadOptions()

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let start = head.prefix(4096)
    guard start.contains("<xml>") || start.contains("<xml ") else { return 0 }
    if start.contains("<records>") || start.contains("<records ") { return start.contains("<record>") ? 95 : 90 }
    return fileExtension == "xml" ? 20 : 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let stream = try XMLStream(input, known: Self.knownNames, inline: Self.inline, options: xmlOptions) {
      $0.count == 3 && $0[2] == "record" && $0[1] == "records"
    }
    var kept = 0
    while let item = stream.next() {
      switch item {
      case .rejected(let diagnostic):
        sink.reject(diagnostic)
      case .record(let element, let index):
        let record = Self.record(from: element, file: input.displayPath, index: index)
        if record.title == nil && record.authors.isEmpty {
          sink.warn(
            Diagnostic(
              .warning, "record has neither title nor authors; kept as read", file: input.displayPath,
              line: element.line, recordIndex: index))
        }
        try sink.emit(record)
        kept += 1
      }
    }
    try XMLReaderSupport.finish(
      stream, recordsRead: kept, expected: "an EndNote XML export (<xml><records><record>…)",
      isExpectedRoot: { $0 == "xml" }, into: &sink)
  }

  static let inline: Set<String> = ["style"]

  /// The element names the mapping looks up; the stream gives them the ids `0..<count`, so lookups compare ids.
  enum Name: Int32, CaseIterable {
    case refType, titles, title, secondaryTitle, periodical, altPeriodical, fullTitle, abbr1, contributors, authors
    case author, dates, year, volume, number, pages, electronicResourceNum, isbn, abstract, keywords, keyword, urls
    case relatedURLs, webURLs, url, language, workType, remoteDatabaseName, remoteDatabaseProvider, accessionNum
    case recNumber

    /// The element name in EndNote XML.
    var tag: String {
      switch self {
      case .refType: "ref-type"
      case .titles: "titles"
      case .title: "title"
      case .secondaryTitle: "secondary-title"
      case .periodical: "periodical"
      case .altPeriodical: "alt-periodical"
      case .fullTitle: "full-title"
      case .abbr1: "abbr-1"
      case .contributors: "contributors"
      case .authors: "authors"
      case .author: "author"
      case .dates: "dates"
      case .year: "year"
      case .volume: "volume"
      case .number: "number"
      case .pages: "pages"
      case .electronicResourceNum: "electronic-resource-num"
      case .isbn: "isbn"
      case .abstract: "abstract"
      case .keywords: "keywords"
      case .keyword: "keyword"
      case .urls: "urls"
      case .relatedURLs: "related-urls"
      case .webURLs: "web-urls"
      case .url: "url"
      case .language: "language"
      case .workType: "work-type"
      case .remoteDatabaseName: "remote-database-name"
      case .remoteDatabaseProvider: "remote-database-provider"
      case .accessionNum: "accession-num"
      case .recNumber: "rec-number"
      }
    }
  }

  static let knownNames = Name.allCases.map(\.tag)

  /// Maps one `<record>` element to a ``Record``. `element` must come from a stream given ``knownNames``.
  static func record(from element: XMLTree, file: String, index: Int) -> Record {
    let values = element.verbatimFieldValues()
    func text(_ name: Name) -> String? { element.child(name.rawValue).flatMap(values.text) }
    func text(_ a: Name, _ b: Name) -> String? { element.child(a.rawValue, b.rawValue).flatMap(values.text) }
    var record = Record()
    record.fields = values.fields
    record.provenance = Provenance(file: file, format: .endnoteXML, index: index, line: element.line)
    let refType = element.child(Name.refType.rawValue)
    record.type = risType(name: refType?.attribute("name"), number: refType.flatMap(values.text))
    record.title = text(.titles, .title)
    record.authors = element.all(Name.contributors.rawValue, Name.authors.rawValue, Name.author.rawValue)
      .compactMap(values.text).map(Author.parse)
    record.sourceTitle =
      text(.titles, .secondaryTitle) ?? text(.periodical, .fullTitle) ?? text(.altPeriodical, .fullTitle)
      ?? text(.periodical, .abbr1)
    record.year = text(.dates, .year).flatMap(FieldText.year)
    record.volume = text(.volume)
    record.issue = text(.number)
    record.pages = text(.pages)
    if let doi = element.child(Name.electronicResourceNum.rawValue) {
      record.doi = Identifier.normalizeDOI(values.rawText(doi))
    }
    if let isbn = element.child(Name.isbn.rawValue) {
      // EndNote keeps ISSNs and ISBNs in one field, one per line, often with `(Electronic)`/`(Linking)` notes.
      let ids = values.rawText(isbn)
      record.issn = RISFields.unique(FieldParsing.issns(in: ids))
      record.isbn = RISFields.unique(FieldParsing.isbns(in: ids))
    }
    record.abstract = text(.abstract)
    for keyword in element.all(Name.keywords.rawValue, Name.keyword.rawValue) {
      let raw = values.rawText(keyword)
      if !raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }) {
        let one = FieldText.collapse(raw)  // one keyword (the usual case)
        if !one.isEmpty { record.keywords.append(one) }
        continue
      }
      for part in raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" }) {
        let one = FieldText.collapse(String(part))
        if !one.isEmpty { record.keywords.append(one) }
      }
    }
    record.urls =
      (element.all(Name.urls.rawValue, Name.relatedURLs.rawValue, Name.url.rawValue)
      + element.all(Name.urls.rawValue, Name.webURLs.rawValue, Name.url.rawValue)).compactMap(values.text)
    record.language = text(.language)
    if let workType = text(.workType) {
      record.publicationTypes = workType.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
    record.database = text(.remoteDatabaseName) ?? text(.remoteDatabaseProvider)
    let accessionNumber = text(.accessionNum)
    record.accession = accessionNumber ?? text(.recNumber)
    if let accessionNumber, looksLikePubMed(record), accessionNumber.allSatisfy(\.isNumber) {
      record.pmid = accessionNumber
    }
    return record
  }

  /// Whether the record says it came from PubMed/MEDLINE, so its numeric accession number is a PMID.
  private static func looksLikePubMed(_ record: Record) -> Bool {
    if let database = record.database?.lowercased(), !database.isEmpty,
      database.contains("pubmed") || database.contains("medline") || database.contains("nlm")
    {
      return true
    }
    return record.urls.contains { $0.contains("ncbi.nlm.nih.gov/pubmed") || $0.contains("pubmed.ncbi.nlm.nih.gov") }
  }

  /// The RIS type for EndNote's reference type (by name, else by EndNote's number).
  static func risType(name: String?, number: String?) -> String {
    if let name, let type = risTypeByName[FieldText.trimmed(name.lowercased())] { return type }
    if let number, let type = risTypeByNumber[FieldText.trimmed(number)] { return type }
    return "GEN"
  }

  private static let risTypeByName: [String: String] = [
    "journal article": "JOUR", "electronic article": "EJOUR", "magazine article": "MGZN",
    "newspaper article": "NEWS", "book": "BOOK", "electronic book": "EBOOK", "edited book": "EDBOOK",
    "book section": "CHAP", "electronic book section": "ECHAP", "conference proceedings": "CONF",
    "conference paper": "CPAPER", "thesis": "THES", "report": "RPRT", "generic": "GEN", "web page": "ELEC",
    "dataset": "DATA", "patent": "PAT", "unpublished work": "UNPB", "manuscript": "MANSCPT",
    "government document": "GOVDOC", "case": "CASE", "statute": "STAT", "bill": "BILL", "hearing": "HEAR",
    "audiovisual material": "ADVS", "film or broadcast": "VIDEO", "computer program": "COMP", "map": "MAP",
    "chart or table": "CHART", "figure": "FIGURE", "pamphlet": "PAMP", "personal communication": "PCOMM",
    "serial": "SER", "standard": "STAND", "online database": "DBASE", "online multimedia": "MULTI",
    "catalog": "CTLG", "encyclopedia": "ENCYC", "dictionary": "DICT", "grant": "GRANT", "music": "MUSIC",
    "aggregated database": "AGGR", "ancient text": "ANCIENT", "artwork": "ART", "blog": "BLOG",
    "legal rule or regulation": "LEGAL", "equation": "EQUA", "interview": "GEN", "classical work": "CLSWK",
  ]

  private static let risTypeByNumber: [String: String] = [
    "17": "JOUR", "43": "EJOUR", "19": "MGZN", "23": "NEWS", "6": "BOOK", "44": "EBOOK", "28": "EDBOOK",
    "5": "CHAP", "60": "ECHAP", "10": "CONF", "47": "CPAPER", "32": "THES", "27": "RPRT", "13": "GEN",
    "12": "ELEC", "59": "DATA", "25": "PAT", "34": "UNPB", "36": "MANSCPT",
  ]
}
