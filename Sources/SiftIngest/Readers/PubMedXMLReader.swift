import Foundation
import SiftCore

/// Reads PubMed XML (`<PubmedArticleSet>` of `<PubmedArticle>` / `<PubmedBookArticle>`, or one bare article as the
/// root), streaming one article at a time with libxml2.
public struct PubMedXMLReader: RecordReader {
  public let format = Format.pubmedXML

  /// How the XML is parsed (tests force one parser or a chunk size).
  var xmlOptions = XMLReadOptions()

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let start = head.prefix(8192)
    if start.contains("<!DOCTYPE PubmedArticleSet") || start.contains("<PubmedArticleSet") { return 95 }
    if start.contains("<PubmedArticle>") || start.contains("<PubmedArticle ") || start.contains("<PubmedBookArticle") {
      return 90
    }
    return 0
  }

  static let articleNames: Set<String> = ["PubmedArticle", "PubmedBookArticle"]

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let stream = try XMLStream(input, inline: Self.inline, options: xmlOptions) { path in
      guard let last = path.last, Self.articleNames.contains(last) else { return false }
      return path.count == 1 || (path.count == 2 && path[0] == "PubmedArticleSet")
    }
    var kept = 0
    while let item = stream.next() {
      switch item {
      case .rejected(let diagnostic):
        sink.reject(diagnostic)
      case .record(let element, let index):
        let record = Self.record(from: element, file: input.displayPath, index: index)
        if record.title == nil && record.pmid == nil {
          sink.warn(
            Diagnostic(
              .warning, "\(element.name) has neither PMID nor title; kept as read", file: input.displayPath,
              line: element.line, recordIndex: index))
        }
        try sink.emit(record)
        kept += 1
      }
    }
    try XMLReaderSupport.finish(
      stream, recordsRead: kept, expected: "PubMed XML (<PubmedArticleSet>, <PubmedArticle> or <PubmedBookArticle>)",
      isExpectedRoot: { $0 == "PubmedArticleSet" || Self.articleNames.contains($0) }, into: &sink)
  }

  /// Inline markup PubMed allows inside titles and abstracts.
  static let inline: Set<String> = ["i", "b", "u", "sup", "sub", "mml:math", "math"]

  /// Maps one `<PubmedArticle>` or `<PubmedBookArticle>` to a ``Record``.
  static func record(from element: XMLTree, file: String, index: Int) -> Record {
    var record = Record()
    record.fields = element.verbatimFields()
    record.provenance = Provenance(file: file, format: .pubmedXML, index: index, line: element.line)
    record.database = "PubMed"
    if element.name == "PubmedBookArticle" {
      fillBook(&record, element)
    } else {
      fillArticle(&record, element)
    }
    record.accession = record.pmid
    return record
  }

  private static func fillArticle(_ record: inout Record, _ element: XMLTree) {
    let citation = element.child("MedlineCitation")
    let article = citation?.child("Article")
    record.type = "JOUR"
    record.pmid = citation?.child("PMID")?.text
    record.title = article?.child("ArticleTitle")?.text ?? article?.child("VernacularTitle")?.text
    record.authors = authors(article?.child("AuthorList"))
    let journal = article?.child("Journal")
    record.sourceTitle = journal?.child("Title")?.text ?? journal?.child("ISOAbbreviation")?.text
    let issue = journal?.child("JournalIssue")
    record.volume = issue?.child("Volume")?.text
    record.issue = issue?.child("Issue")?.text
    record.year = year(issue?.child("PubDate")) ?? year(article?.child("ArticleDate"))
    record.pages = pages(article?.child("Pagination"))
    record.issn = (journal?.children("ISSN") ?? []).compactMap(\.text).flatMap { FieldParsing.issns(in: $0) }
    if let linking = citation?.path("MedlineJournalInfo/ISSNLinking")?.text {
      record.issn = RISFields.unique(record.issn + FieldParsing.issns(in: linking))
    }
    record.abstract = abstract(article?.child("Abstract"))
    record.language = article?.child("Language")?.text
    record.publicationTypes = (article?.all("PublicationTypeList/PublicationType") ?? []).compactMap(\.text)
    record.keywords =
      (citation?.all("MeshHeadingList/MeshHeading") ?? []).compactMap { $0.child("DescriptorName")?.text }
      + (citation?.all("KeywordList/Keyword") ?? []).compactMap(\.text)
    let eLocationDOI = (article?.children("ELocationID") ?? []).first { $0.attribute("EIdType") == "doi" }
    fillIdentifiers(&record, element.path("PubmedData/ArticleIdList"), fallbackDOI: eLocationDOI?.text)
  }

  private static func fillBook(_ record: inout Record, _ element: XMLTree) {
    let document = element.child("BookDocument")
    let book = document?.child("Book")
    record.pmid = document?.child("PMID")?.text
    let bookTitle = book?.child("BookTitle")?.text
    if let chapter = document?.child("ArticleTitle")?.text {
      record.type = "CHAP"
      record.title = chapter
      record.sourceTitle = bookTitle
    } else {
      record.type = "BOOK"
      record.title = bookTitle
      record.sourceTitle = book?.child("CollectionTitle")?.text
    }
    let authorLists = (document?.children("AuthorList") ?? []) + (book?.children("AuthorList") ?? [])
    let authorList = authorLists.first { $0.attribute("Type") != "editors" }
    record.authors = authors(authorList)
    record.year = year(book?.child("PubDate")) ?? year(document?.child("DateRevised"))
    record.volume = book?.child("Volume")?.text
    record.pages = pages(document?.child("Pagination"))
    record.isbn = (book?.children("Isbn") ?? []).compactMap(\.text).flatMap { FieldParsing.isbns(in: $0) }
    record.abstract = abstract(document?.child("Abstract"))
    record.language = document?.child("Language")?.text
    record.publicationTypes = (document?.children("PublicationType") ?? []).compactMap(\.text)
    record.keywords = (document?.all("KeywordList/Keyword") ?? []).compactMap(\.text)
    let eLocationDOI = (document?.children("ELocationID") ?? []).first { $0.attribute("EIdType") == "doi" }
    fillIdentifiers(&record, element.path("PubmedBookData/ArticleIdList"), fallbackDOI: eLocationDOI?.text)
    if record.doi == nil {
      let ids = (document?.all("ArticleIdList/ArticleId") ?? []).first { $0.attribute("IdType") == "doi" }
      record.doi = ids?.text.flatMap(Identifier.normalizeDOI)
    }
  }

  /// DOI and PMC id from the article's own `ArticleIdList` (not the reference list's).
  private static func fillIdentifiers(_ record: inout Record, _ list: XMLTree?, fallbackDOI: String?) {
    let ids = list?.children("ArticleId") ?? []
    let doi = ids.first { $0.attribute("IdType") == "doi" }?.text ?? fallbackDOI
    record.doi = doi.flatMap(Identifier.normalizeDOI)
    if record.pmid == nil { record.pmid = ids.first { $0.attribute("IdType") == "pubmed" }?.text }
    if let pmc = ids.first(where: { $0.attribute("IdType") == "pmc" })?.text {
      record.urls.append("https://www.ncbi.nlm.nih.gov/pmc/articles/\(pmc)/")
    }
    if let pmid = record.pmid { record.urls.append("https://pubmed.ncbi.nlm.nih.gov/\(pmid)/") }
  }

  private static func authors(_ list: XMLTree?) -> [Author] {
    (list?.children("Author") ?? []).compactMap { author in
      if let collective = author.child("CollectiveName")?.text {
        return Author(asWritten: collective, family: collective, given: nil)
      }
      guard let last = author.child("LastName")?.text else { return nil }
      let given = author.child("ForeName")?.text ?? author.child("Initials")?.text
      let written = given.map { "\(last), \($0)" } ?? last
      return Author(asWritten: written, family: last, given: given)
    }
  }

  private static func year(_ date: XMLTree?) -> Int? {
    guard let date else { return nil }
    return date.child("Year")?.text.flatMap(FieldText.year)
      ?? date.child("MedlineDate")?.text.flatMap(FieldText.year)
  }

  private static func pages(_ pagination: XMLTree?) -> String? {
    guard let pagination else { return nil }
    if let pages = pagination.child("MedlinePgn")?.text { return pages }
    guard let start = pagination.child("StartPage")?.text else { return nil }
    return pagination.child("EndPage")?.text.map { "\(start)-\($0)" } ?? start
  }

  /// Abstract sections joined with a space; labelled sections read `LABEL: text`.
  private static func abstract(_ abstract: XMLTree?) -> String? {
    let parts = (abstract?.children("AbstractText") ?? []).compactMap { section -> String? in
      guard let text = section.text else { return nil }
      if let label = section.attribute("Label"), !label.isEmpty { return "\(label): \(text)" }
      return text
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }
}
