import Foundation

/// Reading a CSV file's bytes as UTF-8 text: BOMs (UTF-8, UTF-16) are honoured, and a file that is not valid
/// UTF-8 is read as Windows-1252 (a superset of Latin-1, what Excel and R write on Windows).
public enum CSVText {
  /// The bytes of `input`.
  public static func bytes(of input: InputSource) throws -> [UInt8] {
    switch input {
    case .memory(_, let bytes): return bytes
    case .file(let path):
      guard let data = FileManager.default.contents(atPath: path) else {
        throw IngestError(file: path, message: "cannot read the file; check that it exists and is readable")
      }
      return [UInt8](data)
    }
  }

  /// UTF-8 bytes of the text, without a BOM, and the encoding the file was in.
  public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: String) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), "UTF-8") }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var i = 2
      while i + 1 < bytes.count {
        units.append(
          little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
        i += 2
      }
      return (Array(String(decoding: units, as: UTF16.self).utf8), little ? "UTF-16LE" : "UTF-16BE")
    }
    if String(validating: bytes, as: UTF8.self) != nil { return (bytes, "UTF-8") }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for b in bytes {
      if b < 0x80 {
        out.append(b)
        continue
      }
      let scalar = b >= 0x80 && b < 0xA0 ? cp1252[Int(b - 0x80)] : UInt32(b)
      out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "?")).utf8))
    }
    return (out, "Windows-1252")
  }

  private static let cp1252: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
    0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0xFFFD, 0x017E, 0x0178,
  ]
}
