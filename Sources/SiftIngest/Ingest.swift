import SiftCore

/// What reading one file produced, besides its records.
public struct FileReadSummary: Sendable {
  public var path: String
  public var format: Format
  /// Database of origin inferred from the content, or as the caller gave it.
  public var database: String?
  /// Encoding the file was decoded with, e.g. `UTF-8`, `UTF-16LE`, `UTF-8 + Windows-1252 (2 lines)`.
  public var encoding: String
  public var recordCount: Int
  public var rejectedCount: Int
  public var diagnostics: [Diagnostic]

  public init(
    path: String, format: Format, database: String?, encoding: String, recordCount: Int, rejectedCount: Int,
    diagnostics: [Diagnostic]
  ) {
    self.path = path
    self.format = format
    self.database = database
    self.encoding = encoding
    self.recordCount = recordCount
    self.rejectedCount = rejectedCount
    self.diagnostics = diagnostics
  }
}

/// The entry point of ingest: detect a file's format and read its records.
public enum Ingest {
  /// Bytes of the file start that detection decodes and shows to each reader's `sniff`.
  public static let headLength = 65536

  /// Lowest sniff score that counts as a match.
  public static let minimumScore = 10

  /// The reader whose `sniff` scores the decoded head highest (content first; the extension only breaks ties).
  /// Throws ``IngestError`` naming the formats tried when none matches.
  public static func detect(_ input: InputSource) throws -> any RecordReader {
    let head = try input.readHead(limit: headLength).text
    return try detect(head: head, input: input)
  }

  static func detect(head: String, input: InputSource) throws -> any RecordReader {
    let ext = input.fileExtension
    var best: (reader: any RecordReader, score: Int)?
    for reader in ReaderRegistry.all {
      let score = reader.sniff(head, fileExtension: ext)
      guard score >= minimumScore else { continue }
      if let current = best, current.score >= score { continue }
      best = (reader, score)
    }
    if let best { return best.reader }
    let tried = ReaderRegistry.all.map(\.format.displayName).joined(separator: ", ")
    let what = head.allSatisfy(\.isWhitespace) ? "the file is empty" : "the content matches no known export format"
    throw IngestError(
      file: input.displayPath,
      message: "\(what) (tried: \(tried)); export the records again as RIS, or pass --format")
  }

  /// Detects (or uses `format`), reads every record, sets provenance (file, format, index, line/offset) and
  /// `database` (inferred from content; the `database` argument overrides).
  public static func read(
    _ input: InputSource, format: Format? = nil, database: String? = nil, onRecord: (Record) throws -> Void
  ) throws -> FileReadSummary {
    let head = try input.readHead(limit: headLength)
    let reader: any RecordReader
    if let format {
      guard let chosen = ReaderRegistry.reader(for: format) else {
        throw IngestError(
          file: input.displayPath, message: "no reader for format \(format.displayName) is built in this version")
      }
      reader = chosen
    } else {
      reader = try detect(head: head.text, input: input)
    }
    let fileDatabase = database ?? DatabaseInference.infer(head: head.text, format: reader.format)
    let path = input.displayPath
    let readerFormat = reader.format
    var index = 0
    var summary: FileReadSummary?
    var firstRecordDatabase: String?
    var nulWarnings: [Diagnostic] = []
    try withoutActuallyEscaping(onRecord) { onRecord in
      var sink = RecordSink { record in
        defer { index += 1 }
        var record = record
        let nulTags = NULBytes.fieldsWithNUL(record)
        if !nulTags.isEmpty {
          let warning: Diagnostic
          (record, warning) = NULBytes.scrub(record, tags: nulTags, file: path, index: index)
          nulWarnings.append(warning)
        }
        if firstRecordDatabase == nil { firstRecordDatabase = database ?? record.database }
        let wantedDatabase = database ?? record.database ?? fileDatabase
        // Readers set provenance themselves; copy the record only when something must change.
        if record.provenance.file == path, record.provenance.format == readerFormat, record.provenance.index == index,
          record.database == wantedDatabase
        {
          try onRecord(record)
          return
        }
        record.provenance.file = path
        record.provenance.format = readerFormat
        record.provenance.index = index
        record.database = wantedDatabase
        try onRecord(record)
      }
      try reader.read(input, into: &sink)
      summary = FileReadSummary(
        path: path, format: readerFormat, database: fileDatabase ?? firstRecordDatabase,
        encoding: sink.encoding ?? head.encoding.rawValue, recordCount: sink.recordCount,
        rejectedCount: sink.rejectedCount, diagnostics: sink.diagnostics + nulWarnings)
    }
    guard let summary else { throw IngestError(file: path, message: "internal error: no summary") }
    return summary
  }
}
