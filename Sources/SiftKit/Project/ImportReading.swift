import Foundation
import SiftCore
import SiftIngest

/// Reads one export file with the ingest readers (the one place `sift import` touches SiftIngest).
enum ImportReading {
  struct Result {
    var format: Format?
    var records: [Record]
    var rejected: Int
    var diagnostics: [Diagnostic]
  }

  static func read(path: String, format: Format?) throws -> Result {
    let input = InputSource.file(path: path)
    let reader: any RecordReader
    if let format {
      guard let chosen = ReaderRegistry.reader(for: format) else {
        throw ProjectError("\(path): error: no reader for format `\(format.rawValue)` in this build")
      }
      reader = chosen
    } else {
      reader = try detect(path: path)
    }
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    try reader.read(input, into: &sink)
    return Result(format: reader.format, records: records, rejected: sink.rejectedCount, diagnostics: sink.diagnostics)
  }

  private static func detect(path: String) throws -> any RecordReader {
    let input = InputSource.file(path: path)
    let head: String
    do {
      let handle = try FileHandleReader(path: path)
      head = handle.head
    }
    let scored = ReaderRegistry.all.map { ($0, $0.sniff(head, fileExtension: input.fileExtension)) }
    guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else {
      throw ProjectError("\(path): error: not a format Sift reads (RIS, EndNote, PubMed, WoS, Scopus CSV, BibTeX…)")
    }
    return best.0
  }
}

/// The first 64 KiB of a file, decoded leniently.
private struct FileHandleReader {
  var head: String
  init(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ProjectError("\(path): error: cannot open the file")
    }
    defer { try? handle.close() }
    let data = handle.readData(ofLength: 65_536)
    head = String(decoding: data, as: UTF8.self)
  }
}
