import Foundation
import SiftCore

/// Reads EndNote XML exports (`<xml><records><record>…`), streaming one record at a time with libxml2.
public struct EndNoteXMLReader: RecordReader {
  public let format = Format.endnoteXML

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let start = head.prefix(4096)
    guard start.contains("<xml>") || start.contains("<xml ") else { return 0 }
    if start.contains("<records>") || start.contains("<records ") { return start.contains("<record>") ? 95 : 90 }
    return fileExtension == "xml" ? 20 : 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let stream = try XMLStream(input, inline: Self.inline) {
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

  /// Maps one `<record>` element to a ``Record``.
  static func record(from element: XMLTree, file: String, index: Int) -> Record {
    func text(_ path: String) -> String? { element.path(path)?.text }
    var record = Record()
    record.fields = element.verbatimFields()
    record.provenance = Provenance(file: file, format: .endnoteXML, index: index, line: element.line)
    let refType = element.child("ref-type")
    record.type = risType(name: refType?.attribute("name"), number: refType?.text)
    record.title = text("titles/title")
    record.authors = element.all("contributors/authors/author").compactMap(\.text).map(Author.parse)
    record.sourceTitle =
      text("titles/secondary-title") ?? text("periodical/full-title") ?? text("alt-periodical/full-title")
      ?? text("periodical/abbr-1")
    record.year = text("dates/year").flatMap(FieldText.year)
    record.volume = text("volume")
    record.issue = text("number")
    record.pages = text("pages")
    if let doiText = element.child("electronic-resource-num")?.rawText {
      record.doi = Identifier.normalizeDOI(doiText)
    }
    if let ids = element.child("isbn")?.rawText {
      // EndNote keeps ISSNs and ISBNs in one field, one per line, often with `(Electronic)`/`(Linking)` notes.
      record.issn = RISFields.unique(FieldParsing.issns(in: ids))
      record.isbn = RISFields.unique(FieldParsing.isbns(in: ids))
    }
    record.abstract = text("abstract")
    record.keywords = element.all("keywords/keyword").flatMap { keyword in
      let raw = keyword.rawText
      if !raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }) {
        let one = FieldText.collapse(raw)  // one keyword (the usual case)
        return one.isEmpty ? [] : [one]
      }
      return raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" })
        .map { FieldText.collapse(String($0)) }.filter { !$0.isEmpty }
    }
    record.urls = (element.all("urls/related-urls/url") + element.all("urls/web-urls/url")).compactMap(\.text)
    record.language = text("language")
    record.publicationTypes = (text("work-type") ?? "").split(separator: ";").map { $0.trimmingSpaces }
      .filter { !$0.isEmpty }
    record.database = text("remote-database-name") ?? text("remote-database-provider")
    let accessionNumber = text("accession-num")
    record.accession = accessionNumber ?? text("rec-number")
    if let accessionNumber, accessionNumber.allSatisfy(\.isNumber), looksLikePubMed(record) {
      record.pmid = accessionNumber
    }
    return record
  }

  /// Whether the record says it came from PubMed/MEDLINE, so its numeric accession number is a PMID.
  private static func looksLikePubMed(_ record: Record) -> Bool {
    let database = (record.database ?? "").lowercased()
    if database.contains("pubmed") || database.contains("medline") || database.contains("nlm") { return true }
    return record.urls.contains { $0.contains("ncbi.nlm.nih.gov/pubmed") || $0.contains("pubmed.ncbi.nlm.nih.gov") }
  }

  /// The RIS type for EndNote's reference type (by name, else by EndNote's number).
  static func risType(name: String?, number: String?) -> String {
    if let name, let type = risTypeByName[name.lowercased().trimmingSpaces] { return type }
    if let number, let type = risTypeByNumber[number.trimmingSpaces] { return type }
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
