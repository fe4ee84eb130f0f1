import SiftCore

/// Reads EndNote tagged (refer-style) exports: `%0` type, `%T` title, `%A` author…, records separated by blank lines.
public struct EndNoteTaggedReader: RecordReader {
  public var format: Format { .endnoteTagged }

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    let bonus = ["enw", "enl", "txt"].contains(fileExtension) ? 3 : 0
    var tagged = 0
    var typeLines = 0
    var other = 0
    HeadLines.forEach(head, limit: 2000) { raw in
      let text = HeadLines.droppingBOM(raw)
      if Self.isTagLine(text) {
        tagged += 1
        if HeadLines.starts(text, with: "%0") { typeLines += 1 }
      } else {
        other += 1
      }
    }
    if typeLines > 0, tagged >= 2 { return 90 + bonus }
    if tagged >= 3, tagged >= other { return 60 + bonus }
    return 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let lines = try LineReader(input)
    let file = input.displayPath
    var fields: [Field] = []
    var start: (line: Int, offset: Int)?
    var index = 0
    var junk = 0
    var firstJunk: Int?

    func emit(sink: inout RecordSink) throws {
      guard let at = start else { return }
      defer {
        fields = []
        start = nil
      }
      if fields.allSatisfy({ $0.tag == "0" }) {
        sink.warn(
          Diagnostic(
            .warning, "record with a type line (%0) and nothing else skipped", file: file, line: at.line))
        return
      }
      var record = Self.record(fields)
      record.provenance = Provenance(
        file: file, format: .endnoteTagged, index: index, line: at.line, byteOffset: at.offset)
      index += 1
      try sink.emit(record)
    }

    while let line = try lines.next() {
      if line.isBlank {
        try emit(sink: &sink)
        continue
      }
      let bytes = line.bytesSkippingLeadingSpaceAndBOM
      if let (tag, value) = Self.parseTag(bytes) {
        if tag == "0", fields.contains(where: { $0.tag == "0" }) { try emit(sink: &sink) }
        if start == nil { start = (line.number, line.offset) }
        fields.append(Field(tag, value))
      } else if start != nil, !fields.isEmpty {
        fields[fields.count - 1].value += "\n" + line.text.trimmingSpaces
      } else {
        junk += 1
        if firstJunk == nil { firstJunk = line.number }
      }
    }
    try emit(sink: &sink)
    if junk > 0, let firstJunk {
      sink.warn(Diagnostic(.warning, "\(junk) untagged line(s) outside records skipped", file: file, line: firstJunk))
    }
    lines.finish(into: &sink)
    if index == 0 {
      throw IngestError(file: file, message: "no EndNote tagged records found (no '%0'/'%T' lines with values)")
    }
  }

  /// `%X value` or `%X` alone, X one character.
  /// Whether ``parseTag(_:)`` would read the line as a tag line (without making its strings).
  static func isTagLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2, bytes[0] == 0x25, bytes[1] > 0x20, bytes[1] < 0x7F else { return false }
    return bytes.count == 2 || bytes[2] == 0x20
  }

  static func parseTag(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
    let s = bytes.startIndex
    guard bytes.count >= 2, bytes[s] == 0x25 else { return nil }
    let t = bytes[s + 1]
    guard t > 0x20, t < 0x7F else { return nil }
    if bytes.count > 2, bytes[s + 2] != 0x20 { return nil }
    let tag = String(UnicodeScalar(t))
    let value = bytes.count > 3 ? String(decoding: RISReader.trimmed(bytes[(s + 3)...]), as: UTF8.self) : ""
    return (tag, value)
  }

  static func record(_ fields: [Field]) -> Record {
    var r = Record(fields: fields)
    var first: [String: String] = [:]
    var editors: [Author] = []
    for field in fields {
      let value = field.value.trimmingSpaces
      guard !value.isEmpty else { continue }
      let tag = field.tag
      if first[tag] == nil { first[tag] = RISFields.joinLines(value) }
      switch tag {
      case "A": r.authors += FieldParsing.authors(in: RISFields.joinLines(value))
      case "E": editors += FieldParsing.authors(in: RISFields.joinLines(value))
      case "K":
        r.keywords += value.split(whereSeparator: { $0.isNewline || $0 == ";" }).map { $0.trimmingSpaces }.filter {
          !$0.isEmpty
        }
      case "U": r.urls += FieldParsing.urls(in: value)
      case "@":
        r.issn += FieldParsing.issns(in: value)
        r.isbn += FieldParsing.isbns(in: value)
      case "9": r.publicationTypes.append(value)
      default: break
      }
    }
    let type = first["0"].map(RISFields.typeCode)
    r.type = type ?? (first["J"] != nil ? "JOUR" : "GEN")
    if r.type == "JOUR" || r.type == "MGZN" { r.type = "JOUR" }
    r.title = first["T"]
    r.sourceTitle = first["J"] ?? first["B"] ?? first["S"]
    if r.authors.isEmpty, r.type == "BOOK" || r.type == "EDITED BOOK" { r.authors = editors }
    r.year = first["D"].flatMap(FieldParsing.year) ?? first["8"].flatMap(FieldParsing.year)
    r.volume = first["V"]
    r.issue = first["N"]
    r.pages = first["P"]
    r.doi = first["R"].flatMap(Identifier.normalizeDOI)
    r.abstract = first["X"]
    r.language = first["G"]
    r.accession = first["M"] ?? first["F"]
    r.database = DatabaseInference.infer(fields: [Field("DB", first["~"] ?? "")], format: .endnoteTagged)
    r.isbn = RISFields.unique(r.isbn)
    r.issn = RISFields.unique(r.issn)
    return r
  }
}
