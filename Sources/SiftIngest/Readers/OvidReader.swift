import SiftCore

/// Reads Ovid's field-label export: `<1>` record markers (optional), unindented headings such as `Authors`,
/// `Title`, `Source`, each followed by indented value lines.
public struct OvidReader: RecordReader {
  public var format: Format { .ovid }

  public init() {}

  /// Headings that identify the layout (lower-cased).
  static let knownHeadings: Set<String> = [
    "author", "authors", "title", "source", "abstract", "accession number", "score", "institution", "language",
    "publication type", "document type", "issn", "doi number", "digital object identifier", "year of publication",
    "author keywords", "keyword heading", "subject headings", "journal name", "unique identifier", "chapter title",
    "author e-mail", "status", "version id", "volume", "issue", "page", "pages", "publication year", "isbn",
    "link to the ovid full text or citation", "journal subset", "nlm journal code", "mesh subject headings",
    "publisher", "date of publication", "entry date", "update date", "database", "pubmed id", "keywords",
  ]

  public func sniff(_ head: String, fileExtension: String) -> Int {
    var markers = 0
    var headings = 0
    var indented = 0
    HeadLines.forEach(head, limit: 3000) { raw in
      let line = HeadLines.droppingBOM(raw)
      if line.contains(where: { $0 >= 0x80 }) {
        // Non-ASCII lines (rare in the head) keep the Character-based checks.
        let text = Substring(HeadLines.text(line))
        if Self.isMarker(text) { markers += 1 }
        if let f = text.first, f != " ", Self.knownHeadings.contains(text.trimmingSpaces.lowercased()) {
          headings += 1
        }
      } else {
        if Self.isMarker(line) { markers += 1 }
        if Self.isHeading(line) { headings += 1 }
      }
      if HeadLines.starts(line, with: "  ") { indented += 1 }
    }
    if markers > 0, headings >= 2 { return 90 }
    if headings >= 3, indented >= 2 { return 65 }
    return 0
  }

  /// ``isMarker(_:)`` for an ASCII line: `<digits>` with spaces around.
  static func isMarker(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var s = 0
    var e = line.count
    while s < e, line[s] == 0x20 || (line[s] >= 0x09 && line[s] <= 0x0D) { s += 1 }
    while e > s, line[e - 1] == 0x20 || (line[e - 1] >= 0x09 && line[e - 1] <= 0x0D) { e -= 1 }
    guard e - s >= 3, line[s] == 0x3C, line[e - 1] == 0x3E else { return false }
    for i in (s + 1)..<(e - 1) where !RISReader.isDigit(line[i]) { return false }
    return true
  }

  /// Whether an ASCII line, not starting with a space, is one of ``knownHeadings`` (ignoring case and edge spaces).
  static func isHeading(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.first, first != 0x20 else { return false }
    var s = 0
    var e = line.count
    while s < e, line[s] == 0x20 || (line[s] >= 0x09 && line[s] <= 0x0D) { s += 1 }
    while e > s, line[e - 1] == 0x20 || (line[e - 1] >= 0x09 && line[e - 1] <= 0x0D) { e -= 1 }
    guard e - s <= 40 else { return false }  // the longest heading has 38 characters
    let lowered = String(unsafeUninitializedCapacity: e - s) { out in
      for i in s..<e { out[i - s] = ByteSearch.lower(line[i]) }
      return e - s
    }
    return knownHeadings.contains(lowered)
  }

  static func isMarker(_ text: Substring) -> Bool {
    let t = text.trimmingSpaces
    guard t.count >= 3, t.first == "<", t.last == ">" else { return false }
    return t.dropFirst().dropLast().allSatisfy(\.isASCIIDigit)
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let lines = try LineReader(input)
    let file = input.displayPath
    var fields: [Field] = []
    var start: (line: Int, offset: Int)?
    var index = 0
    var usesMarkers = false
    var firstHeading: String?
    var junk = 0
    var firstJunk: Int?

    func emit(sink: inout RecordSink) throws {
      guard let at = start else { return }
      defer {
        fields = []
        start = nil
      }
      guard !fields.isEmpty else { return }
      var record = Self.record(fields)
      record.provenance = Provenance(file: file, format: .ovid, index: index, line: at.line, byteOffset: at.offset)
      index += 1
      try sink.emit(record)
    }

    while let line = try lines.next() {
      let text = line.text
      if line.isBlank { continue }
      let trimmed = text.trimmingSpaces
      if Self.isMarker(Substring(trimmed)) {
        usesMarkers = true
        try emit(sink: &sink)
        start = (line.number, line.offset)
        fields.append(Field("Record", String(trimmed.dropFirst().dropLast())))
        continue
      }
      let indented = text.first == " " || text.first == "\t"
      if !indented {
        let heading = trimmed
        if firstHeading == nil { firstHeading = heading }
        if !usesMarkers, heading == firstHeading, !fields.isEmpty { try emit(sink: &sink) }
        if start == nil { start = (line.number, line.offset) }
        fields.append(Field(heading, ""))
      } else if !fields.isEmpty {
        let last = fields.count - 1
        fields[last].value = fields[last].value.isEmpty ? trimmed : fields[last].value + "\n" + trimmed
      } else {
        junk += 1
        if firstJunk == nil { firstJunk = line.number }
      }
    }
    try emit(sink: &sink)
    if junk > 0, let firstJunk {
      sink.warn(Diagnostic(.warning, "\(junk) value line(s) before any heading skipped", file: file, line: firstJunk))
    }
    lines.finish(into: &sink)
    if index == 0 {
      throw IngestError(file: file, message: "no Ovid records found (no '<1>' markers or field headings)")
    }
  }

  static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var first: [String: String] = [:]
    for field in fields {
      let key = field.tag.lowercased()
      let value = field.value.trimmingSpaces
      if first[key] == nil, !value.isEmpty, value != "-" { first[key] = value }
    }
    func value(_ keys: String...) -> String? {
      keys.lazy.compactMap { first[$0] }.first
    }
    if let authors = value("authors", "author", "editors") {
      r.authors = splitAuthors(authors)
    }
    r.title = value("title", "chapter title").map { cleanTitle(RISFields.joinLines($0)) }
    if let chapter = first["chapter title"], first["title"] != nil {
      r.title = cleanTitle(chapter)
      r.sourceTitle = first["title"]
    }
    if let source = value("source") {
      let parsed = parseSource(RISFields.joinLines(source))
      r.sourceTitle = r.sourceTitle ?? parsed.title
      r.volume = parsed.volume
      r.issue = parsed.issue
      r.pages = parsed.pages
      r.year = parsed.year
    }
    r.sourceTitle = value("journal name") ?? r.sourceTitle
    r.year =
      value("year of publication", "publication year", "date of publication").flatMap(FieldParsing.year) ?? r.year
      ?? value("status").flatMap(FieldParsing.year)
    r.volume = value("volume") ?? r.volume
    r.issue = value("issue") ?? r.issue
    r.pages = value("pages", "page") ?? r.pages
    r.abstract = value("abstract").map(RISFields.joinLines)
    r.doi = value("doi number", "digital object identifier", "doi").flatMap(Identifier.normalizeDOI)
    r.issn = value("issn").map(FieldParsing.issns) ?? []
    r.isbn = value("isbn").map(FieldParsing.isbns) ?? []
    r.language = value("language").map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    if let keywords = value(
      "author keywords", "keyword heading", "keywords", "subject headings", "mesh subject headings")
    {
      r.keywords = keywords.split(whereSeparator: { $0 == ";" || $0.isNewline }).map { $0.trimmingSpaces }.filter {
        !$0.isEmpty
      }
    }
    if let types = value("publication type", "document type") {
      r.publicationTypes = types.split(whereSeparator: { $0 == ";" || $0.isNewline }).map {
        $0.trimmingSpaces.trimmingCharactersSuffix(".")
      }.filter { !$0.isEmpty }
    }
    let lowerTypes = r.publicationTypes.map { $0.lowercased() }
    if lowerTypes.contains(where: { $0.hasPrefix("book") }) {
      r.type = "BOOK"
    } else if lowerTypes.contains(where: { $0.hasSubstring("conference") }) {
      r.type = "CONF"
    } else if first["chapter title"] != nil {
      r.type = "CHAP"
    } else {
      r.type = "JOUR"
    }
    r.accession = value("accession number", "unique identifier").map { $0.trimmingCharactersSuffix(".") }
    if let pmid = value("pubmed id", "unique identifier"), pmid.allSatisfy(\.isASCIIDigit) { r.pmid = pmid }
    r.urls = value("link to the ovid full text or citation").map(FieldParsing.urls) ?? []
    r.database = value("database").map { DatabaseInference.databaseName($0.lowercased()) ?? $0 } ?? "Ovid"
    return r
  }

  /// Ovid writes `Family, Given 1;  Family2, Given2 MD, PhD *` or names separated by two spaces.
  static func splitAuthors(_ raw: String) -> [Author] {
    let joined = raw.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: "; ")
    let parts: [String]
    if joined.hasSubstring(";") {
      parts = joined.split(separator: ";").map { $0.trimmingSpaces }
    } else {
      parts = joined.components(separatedBy: "  ").map { $0.trimmingSpaces }
    }
    let degrees: Set<String> = ["MD", "PhD", "MPH", "RN", "BSc", "MSc", "MS", "BS", "DrPH", "MA", "BA", "FRCP", "DO"]
    return parts.compactMap { part -> Author? in
      var words = part.split(separator: " ").map(String.init)
      while let last = words.last {
        let bare = last.trimmingCharactersSuffix(",")
        if bare.allSatisfy({ $0.isNumber || "*+†‡§,".contains($0) }) || degrees.contains(bare) || last == "[Ed]" {
          words.removeLast()
        } else {
          break
        }
      }
      let name = words.joined(separator: " ").trimmingCharactersSuffix(",")
      guard !name.isEmpty else { return nil }
      let author = Author.parse(name)
      return Author(asWritten: part, family: author.family, given: author.given)
    }
  }

  /// Drops Ovid's bracketed type suffix, e.g. `…Monitoring.[Article]`.
  static func cleanTitle(_ title: String) -> String {
    guard title.hasSuffix("]"), let open = title.lastIndex(of: "[") else { return title }
    let kept = title[..<open].trimmingSpaces
    return kept.isEmpty ? title : kept
  }

  /// `Journal Title.   28(2):103-106, April 2015.` → title, volume, issue, pages, year.
  static func parseSource(_ source: String) -> (
    title: String?, volume: String?, issue: String?, pages: String?, year: Int?
  ) {
    let chars = Array(source)
    var cut: Int?
    for i in 0..<chars.count where chars[i] == "." {
      var j = i + 1
      while j < chars.count, chars[j] == " " { j += 1 }
      if j == chars.count || (j > i + 1 && chars[j].isNumber) {
        cut = i
        break
      }
    }
    guard let cut else { return (source.trimmingSpaces, nil, nil, nil, FieldParsing.year(source)) }
    let title = String(chars[..<cut]).trimmingSpaces
    let rest = String(chars[(cut + 1)...]).trimmingSpaces
    var volume: String?
    var issue: String?
    var pages: String?
    let citation = rest.split(separator: ",").first.map(String.init) ?? rest
    if let colon = citation.firstIndex(of: ":") {
      pages = String(citation[citation.index(after: colon)...]).trimmingSpaces
      let vi = citation[..<colon]
      if let paren = vi.firstIndex(of: "(") {
        volume = String(vi[..<paren]).trimmingSpaces
        issue = String(vi[vi.index(after: paren)...]).trimmingCharactersSuffix(")")
      } else {
        volume = String(vi).trimmingSpaces
      }
    }
    return (title.isEmpty ? nil : title, volume, issue, pages, FieldParsing.year(rest))
  }
}

extension StringProtocol {
  /// The string without one trailing `suffix`.
  func trimmingCharactersSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
  }
}
