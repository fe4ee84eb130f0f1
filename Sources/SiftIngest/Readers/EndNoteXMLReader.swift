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
  ///
  /// One pass over the record's direct children finds the elements the mapping reads (the first of each, as
  /// `child(_:)` would; every `contributors`, `keywords` and `urls`, in document order); each value is the
  /// verbatim field's `String` when white space needs no change.
  static func record(from element: XMLTree, file: String, index: Int) -> Record {
    let values = element.verbatimFieldValues()
    let data = element.data
    let elements = data.elements
    var record = Record()
    record.provenance = Provenance(file: file, format: .endnoteXML, index: index, line: element.line)
    func text(_ i: Int) -> String? { i < 0 ? nil : values.text(at: i, in: data) }
    /// The first child named `name` of element `i` (-1 when none).
    func child(_ i: Int, _ name: Name) -> Int {
      guard i >= 0 else { return -1 }
      let end = elements[i].end
      var c = i + 1
      while c < end {
        if elements[c].name == name.rawValue { return c }
        c = elements[c].end
      }
      return -1
    }
    var refType = -1
    var titles = -1
    var periodical = -1
    var altPeriodical = -1
    var dates = -1
    var volume = -1
    var number = -1
    var pages = -1
    var doi = -1
    var isbn = -1
    var abstract = -1
    var language = -1
    var workType = -1
    var remoteName = -1
    var remoteProvider = -1
    var accessionNum = -1
    var recNumber = -1
    var webURLs: [String] = []
    let recordEnd = elements[element.index].end
    var c = element.index + 1
    while c < recordEnd {
      let entry = elements[c]
      switch Name(rawValue: entry.name) {
      case .refType: if refType < 0 { refType = c }
      case .titles: if titles < 0 { titles = c }
      case .periodical: if periodical < 0 { periodical = c }
      case .altPeriodical: if altPeriodical < 0 { altPeriodical = c }
      case .dates: if dates < 0 { dates = c }
      case .volume: if volume < 0 { volume = c }
      case .number: if number < 0 { number = c }
      case .pages: if pages < 0 { pages = c }
      case .electronicResourceNum: if doi < 0 { doi = c }
      case .isbn: if isbn < 0 { isbn = c }
      case .abstract: if abstract < 0 { abstract = c }
      case .language: if language < 0 { language = c }
      case .workType: if workType < 0 { workType = c }
      case .remoteDatabaseName: if remoteName < 0 { remoteName = c }
      case .remoteDatabaseProvider: if remoteProvider < 0 { remoteProvider = c }
      case .accessionNum: if accessionNum < 0 { accessionNum = c }
      case .recNumber: if recNumber < 0 { recNumber = c }
      case .contributors:
        forEachChild(c, named: .authors, in: elements) { authors in
          forEachChild(authors, named: .author, in: elements) { author in
            if let name = values.text(at: author, in: data) { record.authors.append(Author.parse(name)) }
          }
        }
      case .keywords:
        forEachChild(c, named: .keyword, in: elements) { keyword in
          addKeywords(values.rawText(at: keyword, in: data), to: &record)
        }
      case .urls:
        forEachChild(c, named: .relatedURLs, in: elements) { related in
          forEachChild(related, named: .url, in: elements) { url in
            if let url = values.text(at: url, in: data) { record.urls.append(url) }
          }
        }
        forEachChild(c, named: .webURLs, in: elements) { web in
          forEachChild(web, named: .url, in: elements) { url in
            if let url = values.text(at: url, in: data) { webURLs.append(url) }
          }
        }
      default: break
      }
      c = entry.end
    }
    record.urls += webURLs
    record.type = risType(
      name: refType < 0 ? nil : XMLTree(data: data, index: refType).attribute("name"), number: text(refType))
    record.title = text(child(titles, .title))
    record.sourceTitle =
      text(child(titles, .secondaryTitle)) ?? text(child(periodical, .fullTitle))
      ?? text(child(altPeriodical, .fullTitle)) ?? text(child(periodical, .abbr1))
    record.year = text(child(dates, .year)).flatMap(FieldText.year)
    record.volume = text(volume)
    record.issue = text(number)
    record.pages = text(pages)
    if doi >= 0 {
      record.doi = Identifier.normalizeDOI(values.rawText(at: doi, in: data))
    }
    if isbn >= 0 {
      // EndNote keeps ISSNs and ISBNs in one field, one per line, often with `(Electronic)`/`(Linking)` notes.
      let ids = values.rawText(at: isbn, in: data)
      record.issn = unique(FieldParsing.issns(in: ids))
      record.isbn = unique(FieldParsing.isbns(in: ids))
    }
    record.abstract = text(abstract)
    record.language = text(language)
    if let workType = text(workType) {
      record.publicationTypes = workType.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
    record.database = text(remoteName) ?? text(remoteProvider)
    let accessionNumber = text(accessionNum)
    record.accession = accessionNumber ?? text(recNumber)
    if let accessionNumber, accessionNumber.utf8.first.map({ $0 < 0x80 ? $0 >= 0x30 && $0 <= 0x39 : true }) ?? true,
      looksLikePubMed(record), accessionNumber.allSatisfy(\.isNumber)
    {
      record.pmid = accessionNumber
    }
    record.fields = values.fields
    return record
  }

  /// ``RISFields/unique(_:)``, without a set for lists of fewer than two.
  private static func unique(_ values: [String]) -> [String] {
    values.count < 2 ? values : RISFields.unique(values)
  }

  /// Calls `body` with each direct child of element `parent` named `name`, in order.
  @inline(__always)
  private static func forEachChild(
    _ parent: Int, named name: Name, in elements: [XMLRecordData.Element], _ body: (Int) -> Void
  ) {
    let end = elements[parent].end
    var c = parent + 1
    while c < end {
      if elements[c].name == name.rawValue { body(c) }
      c = elements[c].end
    }
  }

  /// Adds the keywords of one `<keyword>` element: one keyword, or several separated by line ends or `;`.
  private static func addKeywords(_ raw: String, to record: inout Record) {
    var raw = raw
    let single = raw.withUTF8 { bytes in
      !bytes.contains { $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }
    }
    if single {
      let one = FieldText.collapse(raw)  // one keyword (the usual case)
      if !one.isEmpty { record.keywords.append(one) }
      return
    }
    for part in raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" }) {
      let one = FieldText.collapse(String(part))
      if !one.isEmpty { record.keywords.append(one) }
    }
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
