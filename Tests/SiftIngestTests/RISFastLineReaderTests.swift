import Foundation
import SiftCore
import Testing

@testable import SiftIngest

/// A UTF-8 file read straight into the line buffer gives the lines that the same bytes in memory give.
@Suite("Line reader on files")
struct RISFastLineReaderTests {
  /// Lines of every length around the chunk size (one longer than a chunk), LF, CRLF and CR ends, a Windows-1252
  /// byte, read from a file and from memory.
  @Test(arguments: [0, 1, 7]) func fileLinesMatchMemoryLines(shift: Int) throws {
    var bytes: [UInt8] = Array(repeating: 0x41, count: shift)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(shift)
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    while bytes.count < 3 * LineReader.chunkSize {
      let length = next(10) == 0 ? next(3000) : next(90)
      for _ in 0..<length { bytes.append(UInt8(0x61 + next(26))) }
      if next(50) == 0 { bytes.append(0xE9) }  // not UTF-8: read as Windows-1252
      switch next(3) {
      case 0: bytes.append(0x0A)
      case 1: bytes += [0x0D, 0x0A]
      default: bytes.append(0x0D)
      }
      if bytes.count > LineReader.chunkSize, bytes.count < LineReader.chunkSize + 100 {
        bytes += Array(repeating: 0x62, count: LineReader.chunkSize + 17) + [0x0D, 0x0A]  // longer than a chunk
      }
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sift-lines-\(UUID().uuidString).txt")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try Self.lines(.file(path: url.path)) == Self.lines(.memory(name: "m", bytes: bytes)))
  }

  static func lines(_ input: InputSource) throws -> [String] {
    let reader = try LineReader(input)
    var out: [String] = []
    try reader.forEachLine { line, number, offset in
      out.append("\(number) \(offset) \(String(decoding: line, as: UTF8.self))")
      return true
    }
    return out
  }
}
