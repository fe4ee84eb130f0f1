import Foundation
import TestSupport
import Testing

@testable import SiftIngest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Outputs are opened in place: a pipe or device at the output path is written to, never replaced by a file.
@Suite struct OutputFileTests {
  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// What used to replace `/dev/null` when run as root, checked on a FIFO: the records arrive through the pipe and
  /// the FIFO is still a FIFO afterwards.
  @Test func writerWritesIntoAFIFOWithoutReplacingIt() throws {
    let folder = try Fixtures.temporaryDirectory("sift-out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("out.jsonl").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let received = ReceivedBytes()
    let done = DispatchSemaphore(value: 0)
    let reader = Thread {
      if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
      done.signal()
    }
    reader.start()
    let writer = try RecordFileWriter(path: fifo, format: .jsonl)
    try writer.write(WriterTests.sample())
    try writer.finish()
    #expect(done.wait(timeout: .now() + 20) == .success, "the reader never got the end of the pipe")
    var expected: [UInt8] = []
    var encoder = JSONLEncoder()
    encoder.encode(WriterTests.sample(), into: &expected)
    #expect(Array(received.get()) == expected)
    #expect(Self.fileType(fifo) == S_IFIFO)
  }

  @Test func regularFileIsCreatedThenTruncated() throws {
    let folder = try Fixtures.temporaryDirectory("sift-out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.txt").path
    try OutputFile.write("a longer first text\n", to: path)
    try OutputFile.write("short\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "short\n")
    #expect(Self.fileType(path) == S_IFREG)
  }

  @Test func missingFolderIsANamedError() {
    let path = "/nonexistent-sift-folder/out.ris"
    #expect(throws: OutputError.self) { try OutputFile.open(path) }
    do {
      _ = try OutputFile.open(path)
    } catch let error as OutputError {
      #expect(error.path == path)
      #expect(error.message.contains("check that its folder exists"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  /// A failed conversion removes its partial output only when that is a regular file.
  @Test func partialOutputIsRemovedOnlyWhenARegularFile() throws {
    let folder = try Fixtures.temporaryDirectory("sift-out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("partial.ris").path
    try OutputFile.write("TY  - JOUR\n", to: file)
    OutputFile.removePartial(file)
    #expect(Self.fileType(file) == nil)
    let fifo = folder.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    OutputFile.removePartial(fifo)
    #expect(Self.fileType(fifo) == S_IFIFO)
  }
}

/// Bytes handed from the reader thread to the test.
private final class ReceivedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}
