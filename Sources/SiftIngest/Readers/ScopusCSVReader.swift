import SiftCore

/// Scopus CSV exports (`Authors`, `Author full names`, …, `EID`) and Embase's Elsevier CSV
/// (`Title`, `Author Names`, `Source`, …). Database `Scopus` or `Embase`; accession = EID.
public struct ScopusCSVReader: RecordReader {
  public var format: Format { .scopusCSV }
  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let header = Self.headerFields(head)
    if header.contains("authors"), header.contains("title"), header.contains("eid") || header.contains("source title") {
      return 95
    }
    if header.contains("title"), header.contains("author names"), header.contains("source") { return 90 }
    return 0
  }

  static func headerFields(_ head: String) -> Set<String> {
    var tokenizer = CSVTokenizer(text: String(head.prefix(16_384)))
    guard let row = tokenizer.next() else { return [] }
    return Set(row.fields.map { $0.trimmingSpaces.lowercased() })
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let path = input.displayPath
    let decoded = try input.readAllText()
    sink.encoding = decoded.encoding
    for d in decoded.diagnostics { sink.warn(d) }
    var tokenizer = CSVTokenizer(text: decoded.text)
    guard let headerRow = tokenizer.next() else { throw IngestError(file: path, message: "the file is empty") }
    let h = CSVFields(header: headerRow.fields)
    guard let titleColumn = h.column("Title") else {
      throw IngestError(
        file: path,
        message:
          "no `Title` column in the header (found: \(h.header.joined(separator: ", "))); export again from Scopus or Embase as CSV with all fields"
      )
    }
    let embase = h.column("EID") == nil && h.column("Author Names") != nil
    let c = Columns(h)
    var index = 0
    while let row = tokenizer.next() {
      let f = row.fields
      if f.count != h.header.count {
        sink.warn(
          Diagnostic(
            .warning, "row has \(f.count) fields, the header has \(h.header.count); read as far as it goes",
            file: path, line: row.line, recordIndex: index))
      }
      var r = Record()
      r.title = CSVFields.value(f, titleColumn)
      r.database = embase ? "Embase" : "Scopus"
      if embase {
        r.authors = CSVFields.value(f, c.authorNames).map { Self.commaSeparatedAuthors($0) } ?? []
        if let source = CSVFields.value(f, c.source) { Self.parseEmbaseSource(source, into: &r) }
      } else {
        r.authors = Self.scopusAuthors(full: CSVFields.value(f, c.fullNames), short: CSVFields.value(f, c.authors))
        r.year = CSVFields.year(CSVFields.value(f, c.year))
        r.sourceTitle = CSVFields.value(f, c.sourceTitle)
        r.volume = CSVFields.value(f, c.volume)
        r.issue = CSVFields.value(f, c.issue)
        let start = CSVFields.value(f, c.pageStart)
        let end = CSVFields.value(f, c.pageEnd)
        if let start {
          r.pages = end.map { "\(start)-\($0)" } ?? start
        } else {
          r.pages = CSVFields.value(f, c.articleNo)
        }
      }
      r.doi = CSVFields.value(f, c.doi).flatMap(Identifier.normalizeDOI)
      r.pmid = CSVFields.value(f, c.pmid)
      r.abstract = CSVFields.value(f, c.abstract)
      r.keywords = c.keywords.flatMap { CSVFields.list(CSVFields.value(f, $0)) }
      r.language = CSVFields.value(f, c.language)
      r.publicationTypes = CSVFields.list(CSVFields.value(f, c.documentType))
      r.type = CSVFields.risType(r.publicationTypes.first) ?? "JOUR"
      r.urls = [CSVFields.value(f, c.link)].compactMap { $0 }
      r.issn = CSVFields.list(CSVFields.value(f, c.issn))
      r.isbn = CSVFields.list(CSVFields.value(f, c.isbn))
      r.accession = CSVFields.value(f, c.eid)
      r.fields = zip(h.header, f).compactMap { name, value in value.isEmpty ? nil : Field(name, value) }
      r.provenance = Provenance(file: path, format: .scopusCSV, index: index, line: row.line)
      if r.title == nil {
        sink.warn(Diagnostic(.warning, "record has no title", file: path, line: row.line, recordIndex: index))
      }
      try sink.emit(r)
      index += 1
    }
    if let line = tokenizer.unterminatedQuoteLine {
      sink.warn(
        Diagnostic(
          .warning, "a quoted field opened here is never closed; the last record may be cut short", file: path,
          line: line))
    }
  }

  private struct Columns {
    var authors, fullNames, authorNames, year, sourceTitle, source, volume, issue, pageStart, pageEnd, articleNo: Int?
    var doi, pmid, abstract, language, documentType, link, issn, isbn, eid: Int?
    var keywords: [Int]
    init(_ h: CSVFields) {
      authors = h.column("Authors")
      fullNames = h.column("Author full names")
      authorNames = h.column("Author Names")
      year = h.column("Year")
      sourceTitle = h.column("Source title")
      source = h.column("Source")
      volume = h.column("Volume")
      issue = h.column("Issue")
      pageStart = h.column("Page start")
      pageEnd = h.column("Page end")
      articleNo = h.column("Art. No.")
      doi = h.column("DOI")
      pmid = h.column("PubMed ID", "Medline PMID")
      abstract = h.column("Abstract")
      language = h.column("Language of Original Document", "Article Language")
      documentType = h.column("Document Type", "Publication Type")
      link = h.column("Link", "Open URL Link")
      issn = h.column("ISSN")
      isbn = h.column("ISBN")
      eid = h.column("EID")
      keywords = [
        h.column("Author Keywords"), h.column("Index Keywords"), h.column("keywords"),
        h.column("Emtree Medical Index Terms"),
      ].compactMap { $0 }
    }
  }

  /// Scopus writes `Liu, Fengyuan (60410297700); …` in `Author full names` and `Liu F.; …` in `Authors`.
  static func scopusAuthors(full: String?, short: String?) -> [Author] {
    if let full {
      return CSVFields.list(full).map { name in
        var n = name
        if n.hasSuffix(")"), let open = n.lastIndex(of: "(") { n = String(n[..<open]).trimmingSpaces }
        return Author.parse(n)
      }
    }
    guard let short, short != "[No author name available]" else { return [] }
    if short.contains(";") { return CSVFields.list(short).map(CSVFields.author) }
    return commaSeparatedAuthors(short)
  }

  /// `Liu R., Adler D.G.` (Embase, older Scopus): names separated by `, `.
  static func commaSeparatedAuthors(_ raw: String) -> [Author] {
    CSVFields.list(raw, separator: ",").map(CSVFields.author)
  }

  /// `Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014` → journal, year, volume, issue, pages.
  static func parseEmbaseSource(_ source: String, into r: inout Record) {
    guard let open = source.firstIndex(of: "(") else {
      r.sourceTitle = source
      return
    }
    r.sourceTitle = String(source[..<open]).trimmingSpaces
    let rest = String(source[open...])
    r.year = CSVFields.year(rest)
    if let close = rest.firstIndex(of: ")") {
      let after = rest[rest.index(after: close)...]
      let citation = after.prefix { $0 != "(" && $0 != "." }.trimmingSpaces
      let vi = citation.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces }
      if let v = vi.first, !v.isEmpty { r.volume = v }
      if vi.count > 1, !vi[1].isEmpty { r.issue = vi[1] }
      if let p1 = after.firstIndex(of: "("), let p2 = after[p1...].firstIndex(of: ")") {
        let pages = after[after.index(after: p1)..<p2].trimmingSpaces
        if !pages.isEmpty { r.pages = pages }
      }
    }
  }
}
