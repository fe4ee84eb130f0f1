import Foundation
import SiftCore

/// Writes records to a file (or standard output for the path `-`) in one ``OutputFormat``, streaming through a buffer.
///
/// Call ``write(_:)`` per record and ``finish()`` once at the end; output is byte-identical for the same records.
public final class RecordFileWriter {
  /// The path given, `-` for standard output.
  public let path: String
  public let format: OutputFormat
  private var encoder: any RecordEncoder
  private let handle: FileHandle
  private let ownsHandle: Bool
  private var buffer: [UInt8] = []
  private var finished = false
  private static let flushSize = 1 << 20

  /// Creates (or truncates) the file at `path`, or writes into the device or pipe there (``OutputFile/open(_:)``);
  /// `-` writes to standard output.
  public init(path: String, format: OutputFormat) throws {
    self.path = path
    self.format = format
    self.encoder = format.makeEncoder()
    if path == "-" {
      handle = FileHandle.standardOutput
      ownsHandle = false
    } else {
      handle = try OutputFile.open(path)
      ownsHandle = true
    }
    buffer.reserveCapacity(Self.flushSize + Self.flushSize / 4)
    buffer.append(contentsOf: encoder.header.utf8)
  }

  /// Appends one record.
  public func write(_ record: Record) throws {
    guard !finished else { throw OutputError(path: path, message: "write after finish()") }
    encoder.encode(record, into: &buffer)
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes what is buffered and closes the file. Calling it again does nothing.
  public func finish() throws {
    guard !finished else { return }
    finished = true
    try flush()
    if ownsHandle {
      do { try handle.close() } catch {
        throw OutputError(path: path, message: "cannot close the output file: \(error.localizedDescription)")
      }
    }
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch {
      throw OutputError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  deinit {
    if !finished { try? finish() }
  }
}
