import SiftCore

/// Reads RIS in the dialects of Scopus, EBSCOhost, Ovid, Web of Science, Wiley, PubMed, ScienceDirect, ProQuest,
/// Zotero, EndNote and Rayyan.
public struct RISReader: RecordReader {
  public var format: Format { .ris }

  public init() {}

  public func sniff(_ head: String, fileExtension: String) -> Int {
    var tagLines = 0
    var hasTY = false
    var hasER = false
    var medlineTags = 0
    HeadLines.forEach(head, limit: 2000) { line in
      if let tag = Self.parseTag(line) {
        tagLines += 1
        if tag.code == TagCode.ty { hasTY = true }
        if tag.code == TagCode.er { hasER = true }
      } else if line.count >= 6, line[4] == 0x2D, line[5] == 0x20, String(decoding: line, as: UTF8.self).count >= 6 {
        medlineTags += 1  // "PMID- ", "STAT- ": MEDLINE, not RIS
      }
    }
    let bonus = ["ris", "txt"].contains(fileExtension) ? 3 : 0
    if hasTY, hasER { return 95 + bonus }
    if hasTY, tagLines >= 3 { return 85 + bonus }
    if hasER, tagLines >= 3, medlineTags == 0 { return 60 + bonus }
    if tagLines >= 5, medlineTags == 0 { return 25 + bonus }
    return 0
  }

  public func read(_ input: InputSource, into sink: inout RecordSink) throws {
    let file = input.displayPath
    var memo = DatabaseRanking.Memo()
    let result = try RecordPipeline.run(input, scan: { emit in try Self.scan(input, emit: emit) }) { event in
      switch event {
      case .record(let index, let line, let offset, let fields, let hints):
        var record = RISFields.emptyRecord
        RISFields.record(fields, memo: &memo, hints: hints, into: &record)
        if record.type == nil { record.type = "GEN" }
        record.provenance = Provenance(file: file, format: .ris, index: index, line: line, byteOffset: offset)
        try sink.emit(record)
      case .diagnostic(let diagnostic):
        sink.warn(diagnostic)
      }
    }
    for diagnostic in result.trailing { sink.warn(diagnostic) }
    sink.encoding = result.encoding
  }

  /// Reads lines and groups them into records' fields (no mapping).
  static func scan(_ input: InputSource, emit: (ScanEvent) -> Bool) throws -> ScanResult {
    let lines = try LineReader(input)
    let file = input.displayPath
    // All scanning state in one struct, so the per-line closure touches one local (no exclusivity check per line).
    var scanner = Scanner(file: file)
    try lines.forEachLine { bytes, lineNumber, lineOffset in
      scanner.line(bytes, lineNumber, lineOffset, emit: emit)
    }
    if !scanner.stopped, scanner.hasDraft {
      scanner.finishDraft(reason: .endOfFile, emit: emit)
    }
    let state = scanner.state
    var trailing: [Diagnostic] = []
    if state.junkLines > 0, let first = state.firstJunkLine {
      trailing.append(
        Diagnostic(
          .note, "\(state.junkLines) untagged line(s) outside records were skipped (headers, numbering, links)",
          file: file, line: first))
    }
    if state.strayTagLines > 0, let first = state.firstStrayLine {
      trailing.append(
        Diagnostic(
          .note, "\(state.strayTagLines) tag line(s) between records (after ER, before TY) were skipped",
          file: file, line: first))
    }
    if let decoding = lines.decodingDiagnostic { trailing.append(decoding) }
    if scanner.index == 0, !scanner.stopped {
      throw IngestError(file: file, message: "no RIS records found (no TY … ER blocks); is this an RIS export?")
    }
    return ScanResult(encoding: lines.encodingDescription, trailing: trailing)
  }

  /// Groups tag lines into records, one line at a time.
  struct Scanner {
    let file: String
    var state = ParseState()
    var index = 0
    var stopped = false
    /// The record being read, when ``hasDraft``; changed in place while lines are added.
    var draft = Draft.none
    var hasDraft = false
    var afterBlank = false

    init(file: String) { self.file = file }

    /// Handles one line; false when the consumer stopped.
    @inline(__always)
    mutating func line(
      _ bytes: UnsafeBufferPointer<UInt8>, _ lineNumber: Int, _ lineOffset: Int, emit: (ScanEvent) -> Bool
    ) -> Bool {
      let wasAfterBlank = afterBlank
      afterBlank = false
      if let tag = RISReader.parseTag(bytes) {
        switch tag.code {
        case TagCode.ty:
          let field = Field(spelledBy: tag.code, tag.value(in: bytes))
          if hasDraft, draft.hasType, !(wasAfterBlank && !draft.hasOnlyTypes) {
            // A TY inside a record is a repeated field (warned once per record), unless a blank line came before
            // it: then the record lacks its ER and the TY starts the next one.
            if !draft.hasOnlyTypes, !draft.warnedRepeatedType {
              draft.warnedRepeatedType = true
              stopped =
                !emit(
                  .diagnostic(
                    Diagnostic(
                      .warning, "TY line inside a record that has no ER yet; kept as a repeated field", file: file,
                      line: lineNumber, recordIndex: index)))
            }
            draft.append(field, code: tag.code)
          } else {
            if hasDraft { finishDraft(reason: .nextRecord, emit: emit) }
            startDraft(line: lineNumber, offset: lineOffset)
            draft.append(field, code: tag.code)
          }
        case TagCode.er:
          if hasDraft {
            finishDraft(reason: .endTag, emit: emit)
          } else {
            state.strayTagLines += 1
            if state.firstStrayLine == nil { state.firstStrayLine = lineNumber }
          }
        default:
          if !hasDraft { startDraft(line: lineNumber, offset: lineOffset) }
          draft.append(Field(spelledBy: tag.code, tag.value(in: bytes)), code: tag.code)
        }
      } else if RISReader.isBlank(bytes) {
        afterBlank = true
      } else if hasDraft, !draft.fields.isEmpty {
        draft.continueLast(with: UTF8Bytes.string(RISReader.trimmed(bytes)))
      } else {
        state.junkLines += 1
        if state.firstJunkLine == nil { state.firstJunkLine = lineNumber }
      }
      return !stopped
    }

    mutating func startDraft(line: Int, offset: Int) {
      draft = Draft(line: line, offset: offset)
      hasDraft = true
    }

    /// Ends the draft: a record (or stray lines), with its warnings; the draft's fields go to the record.
    mutating func finishDraft(reason: EndReason, emit: (ScanEvent) -> Bool) {
      hasDraft = false
      let fieldCount = draft.fields.count
      if !draft.hasType {
        // Tag lines outside any TY…ER (e.g. Ovid's `NL  -` after ER) are not a record unless they look like one.
        let looksLikeRecord =
          reason == .endTag
          || draft.fields.contains { ["TI", "T1", "AU", "A1", "AB", "N2"].contains($0.tag) } && fieldCount >= 2
        guard looksLikeRecord else {
          state.strayTagLines += fieldCount
          if state.firstStrayLine == nil { state.firstStrayLine = draft.line }
          return
        }
        stopped =
          stopped
          || !emit(
            .diagnostic(
              Diagnostic(
                .warning, "record has no TY line; read as type GEN", file: file, line: draft.line,
                recordIndex: index)))
      }
      let message: String?
      switch reason {
      case .endTag: message = nil
      case .nextRecord: message = "record has no ER line; it ends where the next TY starts"
      case .endOfFile: message = "file ends inside a record (no ER line); the record is kept as far as it goes"
      }
      if let message {
        stopped =
          stopped
          || !emit(.diagnostic(Diagnostic(.warning, message, file: file, line: draft.line, recordIndex: index)))
      }
      stopped =
        stopped
        || !emit(
          .record(
            index: index, line: draft.line, offset: draft.offset, fields: draft.takeFields(),
            hints: RISFields.Hints(
              multiline: draft.multiline, authors: draft.authors, keywords: draft.keywords, urls: draft.urls)))
      index += 1
    }
  }

  enum EndReason { case endTag, nextRecord, endOfFile }

  struct ParseState {
    var junkLines = 0
    var firstJunkLine: Int?
    var strayTagLines = 0
    var firstStrayLine: Int?
  }

  struct Draft {
    var fields: [Field] = []
    var line: Int
    var offset: Int
    var hasType = false
    var hasOnlyTypes = true
    var warnedRepeatedType = false
    /// Whether a field has continuation lines (else no value holds a line end).
    var multiline = false
    /// How many author, keyword and link fields there are (to size the record's arrays once).
    var authors = 0
    var keywords = 0
    var urls = 0

    init(line: Int, offset: Int) {
      self.line = line
      self.offset = offset
      fields.reserveCapacity(40)
    }

    private init() {
      line = 0
      offset = 0
    }

    /// No record (allocates nothing).
    static var none: Draft { Draft() }

    /// The fields, leaving none (so the record that gets them holds the only reference).
    mutating func takeFields() -> [Field] {
      var taken: [Field] = []
      swap(&taken, &fields)
      return taken
    }

    @inline(__always)
    mutating func append(_ field: Field, code: UInt32) {
      switch code {
      case TagCode.ty: hasType = true
      case RISFields.cAU, RISFields.cA1:
        hasOnlyTypes = false
        authors += 1
      case RISFields.cKW, RISFields.cDE:
        hasOnlyTypes = false
        keywords += 1
      case RISFields.cUR, RISFields.cL1, RISFields.cL2, RISFields.cLK:
        hasOnlyTypes = false
        urls += 1
      default: hasOnlyTypes = false
      }
      fields.append(field)
    }

    mutating func continueLast(with text: String) {
      guard !fields.isEmpty else { return }
      multiline = true
      let last = fields.count - 1
      fields[last].value = fields[last].value.isEmpty ? text : fields[last].value + "\n" + text
    }
  }

  /// Where a tag line's tag and value are: byte positions in the line.
  struct TagMatch {
    /// The tag as a number (``TagCode``); it spells the tag (two to four capital letters and digits).
    var code: UInt32
    var valueStart: Int
    var valueEnd: Int

    /// The value, trimmed of spaces, tabs and a trailing CR.
    func value(in line: UnsafeBufferPointer<UInt8>) -> String {
      UTF8Bytes.string(UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd]))
    }
  }

  /// Parses `TAG  - value` (2–4 character tag starting with a capital letter; one or two spaces before `-`;
  /// `-` ends the line or is followed by a space). A BOM before the tag is skipped.
  @inline(__always)
  static func parseTag(_ line: UnsafeBufferPointer<UInt8>) -> TagMatch? {
    let end = line.count
    // Fast path: a two-character tag, one or two spaces, `-`, then the end or a space or tab (most RIS lines).
    if end >= 4, let base = line.baseAddress {
      let b0 = base[0]
      let b1 = base[1]
      if isUpper(b0), isUpper(b1) || isDigit(b1), base[2] == 0x20 {
        var dash = 3
        if base[3] == 0x20, end >= 5 { dash = 4 }
        if base[dash] == 0x2D {
          var s = dash + 1
          if s < end, base[s] != 0x20, base[s] != 0x09 { return nil }
          var e = end
          while s < e, base[s] == 0x20 || base[s] == 0x09 { s += 1 }
          while e > s, base[e - 1] == 0x20 || base[e - 1] == 0x09 || base[e - 1] == 0x0D { e -= 1 }
          return TagMatch(
            code: UInt32(b0) << 8 | UInt32(b1), valueStart: s, valueEnd: e)
        }
      }
    }
    return parseTagSlowly(line)
  }

  /// ``parseTag(_:)`` for any line (BOM, longer tags, lines that are no tag line).
  static func parseTagSlowly(_ line: UnsafeBufferPointer<UInt8>) -> TagMatch? {
    var i = 0
    let end = line.count
    while i + 2 < end, line[i] == 0xEF, line[i + 1] == 0xBB, line[i + 2] == 0xBF { i += 3 }
    let tagStart = i
    guard i < end, isUpper(line[i]) else { return nil }
    var code = UInt32(line[i])
    i += 1
    while i < end, i - tagStart < 4, isUpper(line[i]) || isDigit(line[i]) {
      code = code << 8 | UInt32(line[i])
      i += 1
    }
    let tagLength = i - tagStart
    guard tagLength >= 2 else { return nil }
    let spaceStart = i
    while i < end, line[i] == 0x20 { i += 1 }
    let spaces = i - spaceStart
    guard i < end, line[i] == 0x2D else { return nil }
    if tagLength == 2 {
      guard spaces == 1 || spaces == 2 else { return nil }
    } else {
      guard spaces == 2 else { return nil }
    }
    i += 1
    if i < end {
      guard line[i] == 0x20 || line[i] == 0x09 else { return nil }
    }
    // The value without leading spaces/tabs and trailing spaces, tabs and CR.
    var s = i
    var e = end
    while s < e, line[s] == 0x20 || line[s] == 0x09 { s += 1 }
    while e > s, line[e - 1] == 0x20 || line[e - 1] == 0x09 || line[e - 1] == 0x0D { e -= 1 }
    return TagMatch(code: code, valueStart: s, valueEnd: e)
  }

  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var s = bytes.startIndex
    var e = bytes.endIndex
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
    return bytes[s..<e]
  }

  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var s = 0
    var e = bytes.count
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[s..<e])
  }

  /// Whether the line holds nothing but spaces, tabs and byte order marks (as ``Line/isBlank``).
  static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let end = bytes.count
    while i < end {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B {
        i += 1
      } else if b == 0xEF, i + 2 < end, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
        i += 3
      } else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 {
        i += 2
      } else {
        return false
      }
    }
    return true
  }

  @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
