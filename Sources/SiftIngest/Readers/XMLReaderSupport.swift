import SiftCore

/// What the XML readers do once a stream ends: report libxml2's problems, keep what was read, and throw only
/// when nothing of the file could be read (no record element kept or rejected).
enum XMLReaderSupport {
  /// `recordsRead` counts the records handed on; records the stream rejected were already reported.
  static func finish(
    _ stream: XMLStream, recordsRead: Int, expected: String, isExpectedRoot: (String) -> Bool,
    into sink: inout RecordSink
  ) throws {
    let file = stream.displayPath
    if !stream.skippedEntities.isEmpty {
      let names = stream.skippedEntities.sorted().map { "&\($0);" }.joined(separator: ", ")
      sink.warn(
        Diagnostic(
          .warning, "entity references left out of the text (Sift never expands or loads entities): \(names)",
          file: file))
    }
    let rejected = stream.recordsSeen - recordsRead - (stream.unfinishedRecordLine == nil ? 0 : 1)
    if stream.failed {
      if recordsRead == 0 && rejected == 0 {
        let what = stream.fatalSummary ?? "the XML is not well-formed"
        throw IngestError(
          file: file,
          message: "not readable as XML (\(what)); no complete record before the error. Expected \(expected).")
      }
      for diagnostic in stream.diagnostics() { sink.warn(diagnostic) }
      if let line = stream.unfinishedRecordLine {
        sink.reject(
          Diagnostic(
            .error,
            "record starting here was cut off by the XML error above; \(recordsRead) record(s) before it were kept",
            file: file, line: line, recordIndex: stream.recordsSeen - 1))
      } else {
        sink.warn(
          Diagnostic(
            .error, "reading stopped at the XML error above; \(recordsRead) record(s) before it were kept",
            file: file, line: stream.line))
      }
      return
    }
    for diagnostic in stream.diagnostics() { sink.warn(diagnostic) }
    guard let root = stream.rootName else {
      throw IngestError(file: file, message: "the file holds no XML element; expected \(expected)")
    }
    if recordsRead == 0 && rejected == 0 {
      if isExpectedRoot(root) {
        sink.warn(Diagnostic(.warning, "the export holds no records", file: file))
      } else {
        throw IngestError(file: file, message: "the root element is <\(root)>, not \(expected); no records read")
      }
    }
  }
}
