/// One line of a text export, decoded to UTF-8, without its line end.
public struct Line: Sendable {
  /// The line's bytes, valid UTF-8 (lines that were not are transcoded from Windows-1252).
  public let bytes: ArraySlice<UInt8>
  /// 1-based line number.
  public let number: Int
  /// Byte offset of the line's start in the file.
  public let offset: Int

  /// The line as a string.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether the line holds nothing but spaces, tabs and byte order marks.
  public var isBlank: Bool {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B {
        i += 1
      } else if b == 0xEF, i + 2 < bytes.endIndex, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
        i += 3
      } else if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xA0 {
        i += 2
      } else {
        return false
      }
    }
    return true
  }

  /// The bytes without leading spaces and byte order marks (a BOM may sit anywhere a file was concatenated).
  public var bytesSkippingLeadingSpaceAndBOM: ArraySlice<UInt8> {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 {
        i += 1
      } else if b == 0xEF, i + 2 < bytes.endIndex, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
        i += 3
      } else {
        break
      }
    }
    return bytes[i...]
  }
}
