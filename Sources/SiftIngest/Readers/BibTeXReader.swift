import Foundation
import SiftCore

/// Reads BibTeX and biblatex files (`@article{key, title = {…}, …}`), as exported by Scopus, Web of Science,
/// EBSCOhost, Wiley, JabRef or Zotero. TeX in values is decoded to Unicode for the normalised fields; ``Record/fields``
/// keep each value as written (macros expanded, TeX kept), preceded by `ENTRYTYPE` and `ID` (the key).
public struct BibTeXReader: RecordReader {
  public let format = Format.bibtex

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    var best = 0
    for line in head.prefix(16384).split(whereSeparator: \.isNewline).prefix(200) {
      let text = line.trimmingSpaces.lowercased()
      guard text.hasPrefix("@") else { continue }
      let type = text.dropFirst().prefix { $0.isLetter }
      let rest = text.dropFirst(1 + type.count).trimmingSpaces
      guard !type.isEmpty, rest.hasPrefix("{") || rest.hasPrefix("(") else { continue }
      if Self.entryTypes[String(type)] != nil || type == "string" || type == "preamble" {
        best = 90
        break
      }
      best = max(best, type == "comment" ? 40 : 60)
    }
    if best > 0, fileExtension == "bib" || fileExtension == "bibtex" { best = min(100, best + 5) }
    return best
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let file = input.displayPath
    let decoded = try input.readAllText()
    sink.encoding = decoded.encoding
    for diagnostic in decoded.diagnostics { sink.warn(diagnostic) }
    var parser = BibTeXParser(decoded.text)
    var index = 0
    var sawEntry = false
    var warnings: [(String, Int)] = []
    while let event = parser.next(warnings: &warnings) {
      for (message, line) in warnings {
        sink.warn(Diagnostic(.warning, message, file: file, line: line, recordIndex: index))
      }
      warnings.removeAll()
      switch event {
      case .entry(let entry):
        sawEntry = true
        let normalisedType = entry.type
        let hasContent = entry.fields.contains {
          let name = $0.name.lowercased()
          return name == "title" || name == "author" || name == "editor"
        }
        if !hasContent && (normalisedType == "set" || normalisedType == "xdata") {
          sink.warn(
            Diagnostic(
              .note, "@\(entry.type){\(entry.key)} only groups other entries (no title or author); skipped",
              file: file, line: entry.line))
          continue
        }
        try sink.emit(Self.record(from: entry, file: file, index: index))
        index += 1
      case .rejected(let message, let line):
        sawEntry = true
        sink.reject(
          Diagnostic(.error, message + "; entry skipped, reading on", file: file, line: line, recordIndex: index))
      }
    }
    if !sawEntry {
      throw IngestError(file: file, message: "no BibTeX entry (`@type{key, field = {…}}`) found")
    }
  }

  /// RIS types for BibTeX/biblatex entry types.
  static let entryTypes: [String: String] = [
    "article": "JOUR", "book": "BOOK", "mvbook": "BOOK", "inbook": "CHAP", "incollection": "CHAP",
    "inproceedings": "CONF", "conference": "CONF", "proceedings": "CONF", "phdthesis": "THES",
    "mastersthesis": "THES", "thesis": "THES", "techreport": "RPRT", "report": "RPRT", "misc": "GEN",
    "online": "ELEC", "electronic": "ELEC", "www": "ELEC", "unpublished": "UNPB", "manual": "GEN",
    "booklet": "PAMP", "collection": "EDBOOK", "patent": "PAT", "dataset": "DATA", "software": "COMP",
    "periodical": "JFULL", "suppbook": "CHAP", "set": "GEN", "xdata": "GEN",
  ]

  /// Maps one entry to a ``Record``.
  static func record(from entry: BibTeXEntry, file: String, index: Int) -> Record {
    var raw: [String: String] = [:]
    for field in entry.fields where raw[field.name.lowercased()] == nil { raw[field.name.lowercased()] = field.value }
    func text(_ names: String...) -> String? {
      for name in names {
        if let value = raw[name] {
          let decoded = BibTeXTeX.decode(value)
          if !decoded.isEmpty { return decoded }
        }
      }
      return nil
    }
    var record = Record()
    record.fields =
      [Field("ENTRYTYPE", entry.type), Field("ID", entry.key)] + entry.fields.map { Field($0.name, $0.value) }
    record.provenance = Provenance(file: file, format: .bibtex, index: index, line: entry.line)
    record.type = entryTypes[entry.type] ?? "GEN"
    record.title = text("title")
    record.authors = authors(raw["author"] ?? "")
    record.year = text("year").flatMap(FieldText.year) ?? text("date").flatMap(FieldText.year)
    record.sourceTitle = text("journal", "journaltitle", "booktitle", "series")
    record.volume = text("volume")
    record.issue = text("number", "issue")
    if let pages = text("pages") {
      record.pages = pages.replacingOccurrences(of: "--", with: "-").replacingOccurrences(of: "–", with: "-")
        .replacingOccurrences(of: " - ", with: "-")
    }
    record.doi = text("doi").flatMap(Identifier.normalizeDOI)
    record.abstract = text("abstract")
    record.keywords = uniqueKeywords(text("keywords"), text("author_keywords"), text("keywords-plus"))
    record.issn = RISFields.unique(
      FieldParsing.issns(in: text("issn") ?? "") + FieldParsing.issns(in: text("eissn") ?? ""))
    record.isbn = RISFields.unique(FieldParsing.isbns(in: text("isbn") ?? ""))
    record.urls = FieldParsing.urls(in: text("url") ?? "")
    record.language = text("language", "langid")
    record.pmid = text("pmid") ?? (text("eprinttype")?.lowercased() == "pubmed" ? text("eprint") : nil)
    if let documentType = text("document_type", "type") { record.publicationTypes = [documentType] }
    let uniqueID = text("unique-id")
    record.accession = uniqueID ?? (entry.key.isEmpty ? nil : entry.key)
    record.database = database(raw: raw, uniqueID: uniqueID, urls: record.urls, explicit: text("database"))
    return record
  }

  /// Authors split on ` and ` outside braces; a fully braced name (`{World Health Organization}`) is one
  /// corporate author; `others` (et al.) is dropped.
  static func authors(_ raw: String) -> [Author] {
    var names: [String] = []
    var current = ""
    var depth = 0
    let scalars = Array(raw.unicodeScalars)
    var k = 0
    while k < scalars.count {
      let c = scalars[k]
      if c == "{" { depth += 1 }
      if c == "}" { depth = max(0, depth - 1) }
      if depth == 0, c.properties.isWhitespace, k + 4 < scalars.count,
        String(String.UnicodeScalarView(scalars[(k + 1)...(k + 3)])).lowercased() == "and",
        scalars[k + 4].properties.isWhitespace
      {
        names.append(current)
        current = ""
        k += 5
        continue
      }
      current.unicodeScalars.append(c)
      k += 1
    }
    names.append(current)
    return names.compactMap { name -> Author? in
      let trimmed = name.trimmingSpaces
      guard !trimmed.isEmpty, trimmed.lowercased() != "others" else { return nil }
      if trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), isOneGroup(trimmed) {
        let corporate = BibTeXTeX.decode(trimmed)
        return Author(asWritten: corporate, family: corporate, given: nil)
      }
      let decoded = BibTeXTeX.decode(trimmed)
      return decoded.isEmpty ? nil : Author.parse(decoded)
    }
  }

  /// Whether the text is one brace group from its first to its last character.
  private static func isOneGroup(_ text: String) -> Bool {
    var depth = 0
    for (k, c) in text.enumerated() {
      if c == "{" { depth += 1 }
      if c == "}" {
        depth -= 1
        if depth == 0 && k != text.count - 1 { return false }
      }
    }
    return depth == 0
  }

  /// Keywords split on `;` (or on `,` when there is no `;`), without repeats.
  private static func uniqueKeywords(_ lists: String?...) -> [String] {
    var seen: Set<String> = []
    var out: [String] = []
    for case let list? in lists {
      let separator: Character = list.contains(";") ? ";" : ","
      for keyword in list.split(separator: separator).map({ $0.trimmingSpaces }) where !keyword.isEmpty {
        if seen.insert(keyword.lowercased()).inserted { out.append(keyword) }
      }
    }
    return out
  }

  /// The database an entry came from: Scopus (`source`/`document_type`), Web of Science (`Unique-ID = {WOS:…}`,
  /// `Web-of-Science-Index`), EBSCOhost (an ebscohost URL), or a `database` field.
  private static func database(raw: [String: String], uniqueID: String?, urls: [String], explicit: String?) -> String? {
    if let explicit { return explicit }
    if let source = raw["source"].map(BibTeXTeX.decode), source.lowercased().contains("scopus") { return "Scopus" }
    if raw["document_type"] != nil || urls.contains(where: { $0.contains("scopus.com") }) { return "Scopus" }
    if raw["web-of-science-index"] != nil || uniqueID?.uppercased().hasPrefix("WOS:") == true {
      return "Web of Science"
    }
    if urls.contains(where: { $0.lowercased().contains("ebscohost") }) { return "EBSCOhost" }
    return nil
  }
}
