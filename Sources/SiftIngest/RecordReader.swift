import Foundation
import SiftCore

/// A reader of one export format. Each format has its own file under `Readers/`.
public protocol RecordReader: Sendable {
  var format: Format { get }
  /// How sure this reader is that `head` (the start of the file, decoded, up to 64 KiB) is its format:
  /// 0 = not this format, 100 = certain. `fileExtension` is lower-cased without the dot; use it only to break ties.
  func sniff(_ head: String, fileExtension: String) -> Int
  /// Streams the records of `input` into `sink`, in file order. Malformed records are reported through
  /// `sink.warn` and skipped or kept as far as they go; the records around them are still read.
  /// Throws ``IngestError`` only when nothing of the file can be read.
  func read(_ input: InputSource, into sink: inout RecordSink) throws
}

/// Where a reader's bytes come from: a file on disk (streamed) or bytes in memory (tests, fuzzing).
public enum InputSource: Sendable {
  case file(path: String)
  case memory(name: String, bytes: [UInt8])

  /// The name used in diagnostics and provenance.
  public var displayPath: String {
    switch self {
    case .file(let path): path
    case .memory(let name, _): name
    }
  }

  /// The file's extension, lower-cased, without the dot.
  public var fileExtension: String {
    let name = displayPath
    guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
    return String(name[name.index(after: dot)...]).lowercased()
  }
}

/// Receives the records and diagnostics a reader produces, and counts them.
public struct RecordSink {
  private let onRecord: (Record) throws -> Void
  public private(set) var diagnostics: [Diagnostic] = []
  /// Records handed on.
  public private(set) var recordCount = 0
  /// Records the reader found but could not turn into a record (each has an error diagnostic).
  public private(set) var rejectedCount = 0
  /// The encoding the reader decoded the file with (e.g. `UTF-8`), when it knows.
  public var encoding: String?

  public init(onRecord: @escaping (Record) throws -> Void) {
    self.onRecord = onRecord
  }

  public mutating func emit(_ record: Record) throws {
    try onRecord(record)
    recordCount += 1
  }

  public mutating func warn(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Reports a record that could not be read; it is counted as rejected.
  public mutating func reject(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    rejectedCount += 1
  }
}

/// Errors that stop reading a whole file.
public struct IngestError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }
  public var description: String { "\(file): error: \(message)" }
}
