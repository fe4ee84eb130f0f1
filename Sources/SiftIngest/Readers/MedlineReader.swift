import SiftCore

/// Reads PubMed MEDLINE / `.nbib` (also ERIC `.nbib`): `PMID- ` style tags, records separated by blank lines.
public struct MedlineReader: RecordReader {
  public var format: Format { .medline }

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let bonus = ["nbib", "txt", "medline"].contains(fileExtension) ? 3 : 0
    var medlineTags = 0
    var pmid = false
    var risMarkers = 0
    HeadLines.forEach(head, limit: 3000) { raw in
      let text = HeadLines.droppingBOM(raw)
      if HeadLines.starts(text, with: "TY  -") || HeadLines.starts(text, with: "ER  -") { risMarkers += 1 }
      guard Self.isTagLine(text) else { return }
      medlineTags += 1
      if HeadLines.starts(text, with: "PMID-") || HeadLines.starts(text, with: "OWN -")
        || HeadLines.starts(text, with: "STAT-") || HeadLines.starts(text, with: "PMC -")
        || HeadLines.starts(text, with: "PMCR-")
      {
        pmid = true
      }
    }
    if risMarkers > 0 { return pmid ? 30 : 0 }
    if pmid { return 92 + bonus }
    if medlineTags >= 5 { return 20 + bonus }
    return 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let lines = try LineReader(input)
    let file = input.displayPath
    var fields: [Field] = []
    var start: (line: Int, offset: Int)?
    var index = 0

    func emit(sink: inout RecordSink) throws {
      guard let at = start else { return }
      var record = Self.record(fields)
      record.provenance = Provenance(file: file, format: .medline, index: index, line: at.line, byteOffset: at.offset)
      index += 1
      try sink.emit(record)
      fields = []
      start = nil
    }

    while let line = try lines.next() {
      if line.isBlank {
        try emit(sink: &sink)
        continue
      }
      let bytes = line.bytesSkippingLeadingSpaceAndBOM
      if line.bytes.first == 0x20 || line.bytes.first == 0x09 {
        if start != nil, !fields.isEmpty {
          fields[fields.count - 1].value += "\n" + String(decoding: RISReader.trimmed(bytes), as: UTF8.self)
        } else {
          sink.warn(
            Diagnostic(.warning, "indented line outside a record skipped", file: file, line: line.number))
        }
        continue
      }
      if let (tag, value) = Self.parseTag(bytes) {
        if tag == "PMID", fields.contains(where: { $0.tag == "PMID" }) { try emit(sink: &sink) }
        if start == nil { start = (line.number, line.offset) }
        fields.append(Field(tag, value))
      } else if start != nil {
        sink.warn(
          Diagnostic(
            .warning, "malformed MEDLINE tag line skipped (expected a 4-character tag, '-' and the value)",
            file: file, line: line.number, recordIndex: index))
      } else {
        sink.warn(
          Diagnostic(.warning, "untagged line outside a record skipped", file: file, line: line.number))
      }
    }
    try emit(sink: &sink)
    lines.finish(into: &sink)
    if index == 0 {
      throw IngestError(file: file, message: "no MEDLINE records found (no 'PMID- ' style tag lines)")
    }
  }

  /// `TAG - value` with the tag padded to four characters before `-` (`PMID- `, `TI  - `, `AB  -`).
  /// Whether ``parseTag(_:)`` would read the line as a tag line (without making its strings).
  static func isTagLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 5, RISReader.isUpper(bytes[0]) else { return false }
    var tagEnd = 1
    while tagEnd < 4, RISReader.isUpper(bytes[tagEnd]) || RISReader.isDigit(bytes[tagEnd]) { tagEnd += 1 }
    guard tagEnd >= 2 else { return false }
    var dash = tagEnd
    while dash < bytes.count, dash < 5, bytes[dash] == 0x20 { dash += 1 }
    return dash < bytes.count && bytes[dash] == 0x2D && dash >= 4
  }

  static func parseTag(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
    let s = bytes.startIndex
    guard bytes.count >= 5, RISReader.isUpper(bytes[s]) else { return nil }
    var tagEnd = s + 1
    while tagEnd < s + 4, RISReader.isUpper(bytes[tagEnd]) || RISReader.isDigit(bytes[tagEnd]) { tagEnd += 1 }
    guard tagEnd - s >= 2 else { return nil }
    // The dash sits in column 5 (`TI  - `), or column 6 after a full 4-character tag (ERIC's `ISSN - `).
    var dash = tagEnd
    while dash < bytes.endIndex, dash < s + 5, bytes[dash] == 0x20 { dash += 1 }
    guard dash < bytes.endIndex, bytes[dash] == 0x2D, dash - s >= 4 else { return nil }
    let tag = String(decoding: bytes[s..<tagEnd], as: UTF8.self)
    let value = String(decoding: RISReader.trimmed(bytes[(dash + 1)...]), as: UTF8.self)
    return (tag, value)
  }

  static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var titles: [String] = []
    var abstracts: [String] = []
    var full: [Author] = []
    var short: [Author] = []
    var first: [String: String] = [:]
    var doi: String?
    for field in fields {
      let value = RISFields.joinLines(field.value)
      let tag = field.tag
      if first[tag] == nil, !value.isEmpty { first[tag] = value }
      guard !value.isEmpty else { continue }
      switch tag {
      case "TI": titles.append(value)
      case "AB": abstracts.append(value)
      case "FAU": full.append(Author.parse(value))
      case "AU": short.append(Author.parse(value))
      case "MH", "OT": r.keywords.append(value)
      case "PT": r.publicationTypes.append(value)
      case "IS", "ISSN": r.issn += FieldParsing.issns(in: value)
      case "ISBN": r.isbn += FieldParsing.isbns(in: value)
      case "AID", "LID":
        if doi == nil, value.hasSubstring("[doi]") || value.lowercased().hasPrefix("doi") {
          doi = Identifier.normalizeDOI(value.replacingOccurrences(of: "[doi]", with: ""))
        }
      case "LA": if r.language == nil { r.language = value }
      default: break
      }
    }
    r.title = titles.isEmpty ? first["BTI"] : titles.joined(separator: " ")
    r.abstract = abstracts.isEmpty ? nil : abstracts.joined(separator: "\n")
    r.authors = full.isEmpty ? short : full
    r.year = first["DP"].flatMap(FieldParsing.year) ?? first["DEP"].flatMap(FieldParsing.year)
    r.sourceTitle = first["JT"] ?? first["TA"] ?? (first["BTI"] != r.title ? first["BTI"] : nil) ?? first["CTI"]
    r.volume = first["VI"]
    r.issue = first["IP"]
    r.pages = first["PG"]
    r.doi = doi
    r.pmid = first["PMID"]
    r.accession = first["PMID"] ?? first["OID"] ?? first["PMC"] ?? first["PMCR"]
    r.issn = RISFields.unique(r.issn)
    let types = r.publicationTypes.map { $0.lowercased() }
    if types.contains(where: { $0.hasSubstring("book") }) {
      r.type = first["BTI"] != nil && first["TI"] != nil ? "CHAP" : "BOOK"
    } else if types.contains(where: { $0.hasSubstring("conference") || $0 == "congress" }) {
      r.type = "CONF"
    } else if types.contains(where: { $0.hasSubstring("report") }) {
      r.type = "RPRT"
    } else if first["JT"] != nil || first["TA"] != nil || types.contains("journal article") {
      r.type = "JOUR"
    } else {
      r.type = "GEN"
    }
    r.database = first["OWN"] == "ERIC" ? "ERIC" : "PubMed"
    return r
  }
}
