import SiftCore

/// Any CSV/TSV with a header naming its columns (case-insensitive): `ID`/`record_id`, `title`, `author(s)`,
/// `year`, `journal`, `volume`, `number`/`issue`, `pages`, `doi`, `abstract`, `ENTRYTYPE`, `isbn`, `issn`, `pmid`…
/// Every column is also kept as a field. The literal `NA` is empty.
public struct GenericCSVReader: RecordReader {
  public var format: Format { .csv }
  public init() {}

  static let titleColumns = ["title", "primary title", "article title", "document title", "ti"]

  public func sniff(_ head: String, fileExtension: String) -> Int {
    var tokenizer = CSVTokenizer(text: String(head.prefix(16_384)))
    guard let row = tokenizer.next(), row.fields.count > 1 else { return 0 }
    let header = CSVFields(header: row.fields)
    guard Self.titleColumns.contains(where: { header.column($0) != nil }) else { return 0 }
    return ["csv", "tsv", "txt"].contains(fileExtension) ? 60 : 40
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let path = input.displayPath
    let decoded = try input.readAllText()
    sink.encoding = decoded.encoding
    for d in decoded.diagnostics { sink.warn(d) }
    var tokenizer = CSVTokenizer(text: decoded.text)
    guard let headerRow = tokenizer.next() else { throw IngestError(file: path, message: "the file is empty") }
    let h = CSVFields(header: headerRow.fields)
    guard let title = Self.titleColumns.lazy.compactMap({ h.column($0) }).first else {
      throw IngestError(
        file: path,
        message:
          "no title column in the CSV header (found: \(h.header.joined(separator: ", "))); name the column of titles `title`"
      )
    }
    let id = h.column("id", "record_id", "recordid", "key", "accession")
    let author = h.column("author", "authors", "au", "author names")
    let year = h.column("year", "py", "publication year", "date")
    let journal =
      h.column("journal", "journal title", "source title", "secondary title", "journal/book", "so")
      ?? (h.column("booktitle") ?? h.column("source"))
    let booktitle = h.column("booktitle")
    let volume = h.column("volume", "vl")
    let issue = h.column("number", "issue", "is")
    let pages = h.column("pages", "page", "pp")
    let doi = h.column("doi")
    let abstract = h.column("abstract", "ab")
    let type = h.column("entrytype", "type", "document type")
    let isbn = h.column("isbn")
    let issn = h.column("issn")
    let pmid = h.column("pmid", "pubmed id", "pubmed_id")
    let keywords = h.column("keywords", "kw")
    let language = h.column("language")
    let url = h.column("url", "link")
    let database = h.column("database", "db")
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
      r.accession = CSVFields.value(f, id)
      r.title = CSVFields.value(f, title)
      r.authors = CSVFields.authors(CSVFields.value(f, author))
      r.year = CSVFields.year(CSVFields.value(f, year))
      r.sourceTitle = CSVFields.value(f, journal) ?? CSVFields.value(f, booktitle)
      r.volume = CSVFields.value(f, volume)
      r.issue = CSVFields.value(f, issue)
      r.pages = CSVFields.value(f, pages)
      r.doi = CSVFields.value(f, doi).flatMap(Identifier.normalizeDOI)
      r.abstract = CSVFields.value(f, abstract)
      r.type = CSVFields.risType(CSVFields.value(f, type))
      r.isbn = CSVFields.list(CSVFields.value(f, isbn))
      r.issn = CSVFields.list(CSVFields.value(f, issn))
      r.pmid = CSVFields.value(f, pmid)
      r.keywords = CSVFields.list(CSVFields.value(f, keywords))
      r.language = CSVFields.value(f, language)
      r.urls = [CSVFields.value(f, url)].compactMap { $0 }
      r.database = CSVFields.value(f, database)
      r.fields = zip(h.header, f).compactMap { name, value in
        let v = value.trimmingSpaces
        return v.isEmpty || v == "NA" ? nil : Field(name, value)
      }
      r.provenance = Provenance(file: path, format: .csv, index: index, line: row.line)
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
}
