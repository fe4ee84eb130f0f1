import SiftCore

/// Reads Web of Science (ISI) tagged plain text: `FN`/`VR` header, `PT` … `ER` records, `EF` at the end.
public struct WoSReader: RecordReader {
  public var format: Format { .wosTagged }

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let bonus = ["ciw", "isi"].contains(fileExtension) ? 3 : 0
    var sawFirst = false
    var firstIsHeader = false
    var hasPT = false
    var hasER = false
    var hasUT = false
    var hasVR = false
    HeadLines.forEach(head, limit: 3000) { raw in
      let line = HeadLines.droppingBOM(raw)
      if !sawFirst, !HeadLines.text(line).trimmingSpaces.isEmpty {
        sawFirst = true
        firstIsHeader =
          HeadLines.starts(line, with: "FN ")
          && (HeadLines.contains(line, "Web of Science") || HeadLines.contains(line, "ISI Export")
            || HeadLines.contains(line, "Clarivate") || HeadLines.contains(line, "Thomson"))
      }
      if HeadLines.starts(line, with: "PT ") { hasPT = true }
      if HeadLines.equals(line, "ER") || HeadLines.starts(line, with: "ER ") { hasER = true }
      if HeadLines.starts(line, with: "UT ") { hasUT = true }
      if HeadLines.starts(line, with: "VR ") { hasVR = true }
    }
    guard sawFirst else { return 0 }
    if firstIsHeader { return 97 + bonus }
    if hasPT, hasER, hasUT || hasVR { return 80 + bonus }
    if hasPT, hasER { return 50 + bonus }
    return 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let lines = try LineReader(input)
    let file = input.displayPath
    var fields: [Field] = []
    var start: (line: Int, offset: Int)?
    var index = 0
    var sawHeader = false
    var junk = 0
    var firstJunk: Int?

    func emit(truncated: Bool, sink: inout RecordSink) throws {
      guard let at = start else { return }
      if truncated {
        sink.warn(
          Diagnostic(
            .warning, "file ends inside a record (no ER line); the record is kept as far as it goes", file: file,
            line: at.line, recordIndex: index))
      }
      var record = Self.record(fields)
      record.provenance = Provenance(file: file, format: .wosTagged, index: index, line: at.line, byteOffset: at.offset)
      index += 1
      try sink.emit(record)
      fields = []
      start = nil
    }

    while let line = try lines.next() {
      let bytes = line.bytesSkippingLeadingSpaceAndBOM
      let text = line.text
      if line.isBlank { continue }
      let indented = line.bytes.first == 0x20
      if indented {
        if start != nil, !fields.isEmpty {
          fields[fields.count - 1].value += "\n" + text.trimmingSpaces
        } else {
          junk += 1
          if firstJunk == nil { firstJunk = line.number }
        }
        continue
      }
      guard let (tag, value) = Self.parseTag(bytes) else {
        junk += 1
        if firstJunk == nil { firstJunk = line.number }
        continue
      }
      switch tag {
      case "FN", "VR":
        if start == nil {
          sawHeader = true
          continue
        }
        fields.append(Field(tag, value))
      case "EF":
        if start != nil { try emit(truncated: true, sink: &sink) }
      case "ER":
        try emit(truncated: false, sink: &sink)
      default:
        if start == nil { start = (line.number, line.offset) }
        fields.append(Field(tag, value))
      }
    }
    if start != nil { try emit(truncated: true, sink: &sink) }
    if junk > 0, let firstJunk {
      sink.warn(
        Diagnostic(
          .warning, "\(junk) line(s) that are not Web of Science tag lines were skipped", file: file, line: firstJunk))
    }
    lines.finish(into: &sink)
    if index == 0 {
      let why = sawHeader ? "it has a header but no PT … ER records" : "no FN/VR header and no PT … ER records"
      throw IngestError(
        file: file,
        message: "no Web of Science records found (\(why)); export again as 'Plain text file' with full records")
    }
  }

  /// `XX value`: two-character tag (capital, then capital or digit) and a space, or the tag alone.
  static func parseTag(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
    let s = bytes.startIndex
    guard bytes.count >= 2, RISReader.isUpper(bytes[s]),
      RISReader.isUpper(bytes[s + 1]) || RISReader.isDigit(bytes[s + 1])
    else { return nil }
    if bytes.count > 2, bytes[s + 2] != 0x20 { return nil }
    let tag = String(decoding: bytes[s..<(s + 2)], as: UTF8.self)
    let value = bytes.count > 3 ? String(decoding: RISReader.trimmed(bytes[(s + 3)...]), as: UTF8.self) : ""
    return (tag, value)
  }

  /// Maps WoS fields to a record.
  static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var first: [String: String] = [:]
    var shortAuthors: [String] = []
    var fullAuthors: [String] = []
    for field in fields {
      let tag = field.tag
      if first[tag] == nil { first[tag] = field.value }
      let items = field.value.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
      switch tag {
      case "AU": shortAuthors += items
      case "AF": fullAuthors += items
      case "DE", "ID":
        r.keywords += items.joined(separator: " ").split(separator: ";").map { $0.trimmingSpaces }.filter {
          !$0.isEmpty
        }
      case "DT":
        r.publicationTypes += field.value.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
      case "SN", "EI":
        r.issn += FieldParsing.issns(in: field.value)
      case "BN":
        r.isbn += FieldParsing.isbns(in: field.value)
      default: break
      }
    }
    func value(_ tag: String) -> String? { first[tag].flatMap { FieldParsing.nonEmpty(RISFields.joinLines($0)) } }
    let names = fullAuthors.count == shortAuthors.count || shortAuthors.isEmpty ? fullAuthors : shortAuthors
    r.authors = names.map(Author.parse)
    switch first["PT"]?.trimmingSpaces {
    case "J": r.type = "JOUR"
    case "B": r.type = "BOOK"
    case "S": r.type = value("BS") == nil && value("SE") != nil ? "CHAP" : "JOUR"
    case "C": r.type = "CONF"
    case "P": r.type = "PAT"
    default: r.type = "GEN"
    }
    if r.publicationTypes.contains(where: { $0.lowercased().hasSubstring("proceedings paper") }) { r.type = "CONF" }
    r.title = value("TI")
    r.sourceTitle = value("SO") ?? value("SE")
    r.year = value("PY").flatMap(FieldParsing.year) ?? value("EA").flatMap(FieldParsing.year)
    r.volume = value("VL")
    r.issue = value("IS")
    r.pages = FieldParsing.pages(start: value("BP"), end: value("EP")) ?? value("AR")
    r.doi = value("DI").flatMap(Identifier.normalizeDOI)
    r.pmid = value("PM")
    r.abstract = value("AB")
    r.language = value("LA")
    r.accession = value("UT")
    r.database = "Web of Science"
    return r
  }
}

extension Substring {
  /// The text without a leading byte order mark.
  var trimmingPrefixBOM: Substring { first == "\u{FEFF}" ? dropFirst() : self }
}
